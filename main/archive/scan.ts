// Reads every item and collection file of an archive. A file that does not parse is reported, not fatal:
// one bad hand edit must not hide the rest of the archive.
import { createHash } from 'node:crypto';
import { readFile, readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Collection, Item } from '../../shared/model';
import { parseCollection } from './collection-file';
import { isConflictCopyName } from './conflicts';
import { ArchiveFileError } from './front-matter';
import { parseItem } from './item-file';
import { type CachedItemFile, type FileStamp, isStampCurrent } from './items-cache';
import { COLLECTIONS_DIR, ITEMS_DIR } from './paths';

export interface Problem {
  /** Path relative to the archive, with "/". */
  file: string;
  code: string;
  message: string;
}

export interface ScanResult {
  items: { item: Item; file: string }[];
  collections: { collection: Collection; file: string }[];
  problems: Problem[];
  /** sha256 of every item and collection file read: what a later write checks the disk against. */
  hashes: Map<string, string>;
  /** With a start cache: every item file read or taken from it, with its stats (what the next cache holds). */
  itemStamps: CachedItemFile[];
  /** Item files taken from the start cache instead of the disk. */
  cacheHits: number;
}

export interface ScanOptions {
  /** The start cache (items-cache.ts): a file whose stats still match its entry is not read. */
  cache?: Map<string, CachedItemFile>;
}

const PARALLEL_READS = 32;

/** Relative paths ("/"-separated) of the visible `.md` files under `rel`, sorted. */
export async function listMarkdownFiles(dir: string, rel: string): Promise<string[]> {
  let entries;
  try {
    entries = await readdir(join(dir, rel), { withFileTypes: true });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  const out: string[] = [];
  for (const entry of entries) {
    if (entry.name.startsWith('.')) continue;
    const child = `${rel}/${entry.name}`;
    if (entry.isDirectory()) out.push(...(await listMarkdownFiles(dir, child)));
    else if (entry.isFile() && entry.name.endsWith('.md') && !isConflictCopyName(entry.name)) out.push(child);
  }
  return out.sort();
}

type Parse<T> = (text: string, file: string) => T;

interface ReadState {
  problems: Problem[];
  hashes: Map<string, string>;
  /** Present when scanning with a start cache: stats are taken and entries collected. */
  cache?: Map<string, CachedItemFile>;
  stamps: CachedItemFile[];
  hits: number;
}

type Outcome = { bytes: Buffer; stamp: FileStamp | null } | { cached: CachedItemFile } | Error;

// The stats are taken before the read: a change racing the read leaves stats that no longer match.
async function readOne(dir: string, file: string, state: ReadState): Promise<Outcome> {
  try {
    if (!state.cache) return { bytes: await readFile(join(dir, file)), stamp: null };
    const info = await stat(join(dir, file));
    const stamp = { size: info.size, mtimeMs: info.mtimeMs, ctimeMs: info.ctimeMs };
    const entry = state.cache.get(file);
    if (entry && isStampCurrent(entry, stamp)) return { cached: entry };
    return { bytes: await readFile(join(dir, file)), stamp };
  } catch (error) {
    return error as Error;
  }
}

async function readAll<T>(dir: string, files: string[], parse: Parse<T>, state: ReadState) {
  const out: { value: T; file: string }[] = [];
  for (let start = 0; start < files.length; start += PARALLEL_READS) {
    const batch = files.slice(start, start + PARALLEL_READS);
    const outcomes = await Promise.all(batch.map((file) => readOne(dir, file, state)));
    outcomes.forEach((outcome, i) => {
      const file = batch[i] as string;
      if (outcome instanceof Error) {
        state.problems.push({ file, code: 'read-failed', message: `${file}: ${outcome.message}` });
        return;
      }
      if ('cached' in outcome) {
        state.hashes.set(file, outcome.cached.sha256);
        state.stamps.push(outcome.cached);
        state.hits += 1;
        out.push({ value: outcome.cached.item as T, file });
        return;
      }
      const sha256 = createHash('sha256').update(outcome.bytes).digest('hex');
      state.hashes.set(file, sha256);
      try {
        const value = parse(outcome.bytes.toString('utf8'), file);
        out.push({ value, file });
        // Only item files are scanned with stamps (collections never get one).
        if (outcome.stamp) state.stamps.push({ file, sha256, ...outcome.stamp, item: value as Item });
      } catch (error) {
        if (!(error instanceof ArchiveFileError)) throw error;
        state.problems.push({ file, code: error.code, message: error.message });
      }
    });
  }
  return out;
}

/** Parses every items/**.md and collections/*.md file of the archive at `dir`. */
export async function scanArchive(dir: string, options: ScanOptions = {}): Promise<ScanResult> {
  const state: ReadState = { problems: [], hashes: new Map(), cache: options.cache, stamps: [], hits: 0 };
  const itemFiles = await listMarkdownFiles(dir, ITEMS_DIR);
  const items = (await readAll(dir, itemFiles, parseItem, state)).map(({ value, file }) => ({ item: value, file }));
  // Collections are few and small: always read from disk.
  const collectionFiles = (await listMarkdownFiles(dir, COLLECTIONS_DIR)).filter((f) => f.split('/').length === 2);
  const collectionState: ReadState = { ...state, cache: undefined };
  const collections = (
    await readAll(dir, collectionFiles, (text, file) => parseCollection(text, file, slugOfFile(file)), collectionState)
  ).map(({ value, file }) => ({ collection: value, file }));
  return { items, collections, problems: state.problems, hashes: state.hashes, itemStamps: state.stamps, cacheHits: state.hits };
}

function slugOfFile(file: string): string {
  return (file.split('/').pop() ?? file).replace(/\.md$/, '');
}
