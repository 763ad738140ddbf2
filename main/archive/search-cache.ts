// The archive's search index, built from the item files and cached serialized in .annals/ (a cache
// only: deleting it costs one rebuild). The cache is keyed by a fingerprint of the item and
// collection files (name, size, mtime), so an external edit or a git pull makes it stale.
import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import {
  SEARCH_INDEX_VERSION,
  type SearchIndex,
  createSearchIndex,
  loadSearchIndexBinary,
  serializeSearchIndexBinary,
  toSearchDoc,
} from '../../shared/search';
import type { Archive } from './archive';
import { writeFileAtomic } from './atomic-write';
import { CACHE_DIR, COLLECTIONS_DIR, ITEMS_DIR } from './paths';
import { listMarkdownFiles } from './scan';

/** Bump when the cached shape or the index options change, so old caches are rebuilt. */
export const SEARCH_CACHE_VERSION = 2;
// Binary: the text form of a 100k-item index exceeds V8's longest string.
export const SEARCH_CACHE_FILE = `${CACHE_DIR}/search-index.bin`;

interface CacheHeader {
  version: number;
  fingerprint: string;
}

// Layout: a 4-byte little-endian header length, the JSON header, then the binary index.
function encodeCache(header: CacheHeader, index: Uint8Array): Uint8Array {
  const head = new TextEncoder().encode(JSON.stringify(header));
  const out = new Uint8Array(4 + head.length + index.length);
  new DataView(out.buffer).setUint32(0, head.length, true);
  out.set(head, 4);
  out.set(index, 4 + head.length);
  return out;
}

function decodeCache(bytes: Uint8Array): { header: CacheHeader; index: Uint8Array } {
  const length = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getUint32(0, true);
  const header = JSON.parse(new TextDecoder().decode(bytes.subarray(4, 4 + length))) as CacheHeader;
  // A copy with its own aligned buffer (a Node Buffer's slice is a view into a shared pool): the
  // loaded index keeps typed-array views on these bytes.
  return { header, index: new Uint8Array(bytes.subarray(4 + length)) };
}

/** A fingerprint of every item and collection file: path, size and modification time. */
export async function fingerprintArchive(dir: string): Promise<string> {
  const files = [...(await listMarkdownFiles(dir, ITEMS_DIR)), ...(await listMarkdownFiles(dir, COLLECTIONS_DIR))];
  const hash = createHash('sha256').update(`v${SEARCH_CACHE_VERSION}.${SEARCH_INDEX_VERSION}\n`);
  for (const file of files) {
    const info = await stat(join(dir, file)).catch(() => null);
    hash.update(`${file}\t${info?.size ?? -1}\t${info?.mtimeMs ?? -1}\n`);
  }
  return hash.digest('hex');
}

/** Builds the index from the archive as it is in memory. */
export function buildSearchIndex(archive: Archive): SearchIndex {
  const holders = new Map<string, { slug: string; title: string }[]>();
  for (const collection of archive.listCollections()) {
    for (const entry of collection.entries) {
      const list = holders.get(entry.id) ?? [];
      list.push({ slug: collection.slug, title: collection.title });
      holders.set(entry.id, list);
    }
  }
  return createSearchIndex(archive.listItems().map((item) => toSearchDoc(item, holders.get(item.id) ?? [])));
}

async function readCache(path: string, fingerprint: string): Promise<SearchIndex | null> {
  try {
    const { header, index } = decodeCache(await readFile(path));
    if (header.version !== SEARCH_CACHE_VERSION || header.fingerprint !== fingerprint) return null;
    return loadSearchIndexBinary(index);
  } catch {
    return null; // missing, damaged or from another version: rebuild
  }
}

/** The cached index when it matches the files on disk, else a fresh one (then cached). */
export async function loadOrBuildSearchIndex(archive: Archive): Promise<{ index: SearchIndex; isFromCache: boolean }> {
  const path = join(archive.dir, SEARCH_CACHE_FILE);
  const fingerprint = await fingerprintArchive(archive.dir);
  const cached = await readCache(path, fingerprint);
  if (cached) return { index: cached, isFromCache: true };
  const index = buildSearchIndex(archive);
  const cache = encodeCache({ version: SEARCH_CACHE_VERSION, fingerprint }, serializeSearchIndexBinary(index));
  await writeFileAtomic(path, cache).catch(() => undefined); // a read-only archive still searches
  return { index, isFromCache: false };
}
