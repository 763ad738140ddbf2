// A start cache of parsed item files in .annals/ (a cache only: deleting it costs one full read). Each entry
// is valid for one file as long as its path, size, mtime and ctime are unchanged; any doubt (another
// version, a damaged line, a changed stat) sends the file back to the disk, which stays the truth.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { FACETS, type Item } from '../../shared/model';
import { writeFileAtomic } from './atomic-write';
import { ITEM_FORMAT_VERSION } from './item-file';
import { CACHE_DIR } from './paths';

/** Bump when the cached shape or the meaning of an Item changes, so old caches are ignored. */
export const ITEMS_CACHE_VERSION = 1;
export const ITEMS_CACHE_FILE = `${CACHE_DIR}/items-cache.ndjson`;
/** Below this many items a full read is quick enough: no cache is written. */
export const ITEMS_CACHE_MIN_ITEMS = 1000;
// A file changed twice within the file system's time granularity can keep its mtime and size; entries
// this close to the moment of the scan are left out, so such a file is read again next time.
const RACY_MS = 3000;
const HEADER = { cache: 'annals-items', version: ITEMS_CACHE_VERSION, format: ITEM_FORMAT_VERSION };
const LINES_PER_SLICE = 2000;

/** What a file looked like on disk when it was read. */
export interface FileStamp {
  size: number;
  mtimeMs: number;
  ctimeMs: number;
}

export interface CachedItemFile extends FileStamp {
  /** Path relative to the archive, with "/". */
  file: string;
  sha256: string;
  item: Item;
}

/** True when `entry` still describes the file whose current stats are `stamp`. */
export function isStampCurrent(entry: FileStamp, stamp: FileStamp): boolean {
  return entry.size === stamp.size && entry.mtimeMs === stamp.mtimeMs && entry.ctimeMs === stamp.ctimeMs;
}

const isStringList = (value: unknown) => Array.isArray(value) && value.every((entry) => typeof entry === 'string');
const isTags = (value: unknown) =>
  value !== null && typeof value === 'object' && FACETS.every((facet) => isStringList((value as Record<string, unknown>)[facet]));

// The cache sits in the archive folder: an entry that is not shaped like an Item parseItem returns is
// treated as damage (the whole cache is dropped), never handed to the app.
function isItemShape(value: unknown): boolean {
  if (value === null || typeof value !== 'object') return false;
  const item = value as Record<string, unknown>;
  const curator = item.curator as Record<string, unknown> | null;
  return (
    ['id', 'title', 'lang', 'text', 'note', 'status', 'imported', 'updated'].every((key) => typeof item[key] === 'string') &&
    typeof item.isTitleDerived === 'boolean' && (item.date === null || typeof item.date === 'string') &&
    (item.datePrecision === null || typeof item.datePrecision === 'string') &&
    Array.isArray(item.sources) && Array.isArray(item.highlights) && isTags(item.autoTags) &&
    curator !== null && typeof curator === 'object' && isTags(curator.added) && isTags(curator.rejected)
  );
}

function isEntry(value: unknown): value is CachedItemFile {
  if (value === null || typeof value !== 'object') return false;
  const entry = value as Record<string, unknown>;
  return (
    typeof entry.file === 'string' && typeof entry.sha256 === 'string' && typeof entry.size === 'number' &&
    typeof entry.mtimeMs === 'number' && typeof entry.ctimeMs === 'number' &&
    isItemShape(entry.item)
  );
}

/** The cached entries by file; empty when the cache is missing, from another version or damaged. */
export async function readItemsCache(dir: string): Promise<Map<string, CachedItemFile>> {
  const out = new Map<string, CachedItemFile>();
  try {
    const bytes = await readFile(join(dir, ITEMS_CACHE_FILE));
    let start = bytes.indexOf(10);
    if (start < 0 || bytes.toString('utf8', 0, start) !== JSON.stringify(HEADER)) return out;
    // The last line is a count: a cache cut short by a crash or a full disk is refused whole.
    let count = 0;
    let expected = -1;
    while (start + 1 < bytes.length) {
      const end = bytes.indexOf(10, start + 1);
      if (end < 0) return new Map();
      const value: unknown = JSON.parse(bytes.toString('utf8', start + 1, end));
      start = end;
      if (typeof value === 'number') {
        expected = value;
        break;
      }
      if (!isEntry(value)) return new Map();
      out.set(value.file, value);
      count += 1;
    }
    return expected === count && start + 1 === bytes.length ? out : new Map();
  } catch {
    return new Map(); // missing, unreadable or damaged: every file is read
  }
}

/**
 * Writes the cache atomically; entries stamped within RACY_MS of `scannedAt` are left out. Serializes in
 * slices, yielding between them, so the app stays responsive while a large archive's cache is written.
 */
export async function writeItemsCache(dir: string, entries: readonly CachedItemFile[], scannedAt: number): Promise<void> {
  const chunks: Buffer[] = [Buffer.from(`${JSON.stringify(HEADER)}\n`)];
  let count = 0;
  for (let start = 0; start < entries.length; start += LINES_PER_SLICE) {
    const lines: string[] = [];
    for (const entry of entries.slice(start, start + LINES_PER_SLICE)) {
      if (Math.max(entry.mtimeMs, entry.ctimeMs) > scannedAt - RACY_MS) continue;
      lines.push(JSON.stringify(entry));
    }
    count += lines.length;
    if (lines.length > 0) chunks.push(Buffer.from(`${lines.join('\n')}\n`));
    await new Promise((resolve) => setImmediate(resolve));
  }
  chunks.push(Buffer.from(`${count}\n`));
  await writeFileAtomic(join(dir, ITEMS_CACHE_FILE), Buffer.concat(chunks));
}
