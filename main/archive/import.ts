// Import of files and folders into an archive, as a pipeline (docs/ingest.md, "Import pipeline"):
// the files are listed; read, parsed and prepared ahead (import-feed.ts; in the ingest workers for
// the app); absorbed and written in batches of many pages, each batch one journaled change
// (import-batch.ts). A file that fails to parse fails alone; a batch that cannot be written stops
// the import (a full disk fails every later batch the same way) with the archive as it was before
// that batch; cancelling stops between pages, writing the pages already taken.
import { readdir, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { IngestError } from '../ingest';
import type { Archive } from './archive';
import { type BatchPage, writeBatch } from './import-batch';
import { type FeedLimits, PageFeed } from './import-feed';
import { type PagePreparer, preparePageHere } from './import-prepare';

export const IMPORTABLE_EXTENSIONS = ['.txt', '.md', '.html', '.htm'];

export interface ImportProgress {
  step: 'listing' | 'importing' | 'done';
  done: number;
  total: number;
  /** The file being imported (step "importing"). */
  file?: string;
}

/** When a batch is full and written: whichever limit is reached first. */
export interface BatchLimits {
  /** Items parsed from the batch's pages. */
  items: number;
  /** Pages. */
  files: number;
  /** Bytes of the pages and of their items' files. */
  bytes: number;
}

export const DEFAULT_BATCH_LIMITS: BatchLimits = { items: 500, files: 500, bytes: 8 * 1024 * 1024 };
const FEED_LIMITS: FeedLimits = { lookahead: 1000, bytes: 64 * 1024 * 1024 };

export interface ImportOptions {
  /**
   * Called before each file is taken ("importing", `done` files handled so far), then once at the
   * end ("done", done = files handled); `done` never decreases.
   */
  onProgress?: (progress: ImportProgress) => void;
  /**
   * Aborting stops between files: the files already taken are written (one last batch), the rest are
   * not read; the archive stays consistent and the result lists the files handled.
   */
  signal?: AbortSignal;
  /** Reads and prepares each page (default: on this thread; the app passes the ingest workers'). */
  preparer?: PagePreparer;
  /** Wraps the absorbing and writing of each batch (the services' write lock); default: runs it as is. */
  serialize?: <T>(task: () => Promise<T>) => Promise<T>;
  /** Batch limits (default DEFAULT_BATCH_LIMITS). */
  batch?: Partial<BatchLimits>;
  /** Called after each batch is written with the ids of the items it added or changed. */
  onBatchWritten?: (items: string[]) => void;
}

export interface FileImportResult {
  file: string;
  added: number;
  merged: number;
  duplicates: number;
  error?: { code: string; message: string };
}

export interface ImportResult {
  added: number;
  merged: number;
  duplicates: number;
  failed: { file: string; code: string; message: string }[];
  /** Every file handled, in order (files after a stop or a cancel are not listed). */
  files: FileImportResult[];
  cancelled: boolean;
  /**
   * Set when a batch could not be written (disk full, permission denied, …): the import stopped
   * there; that batch's files are failed with the code, `notImported` files were not tried.
   */
  stopped?: { code: string; message: string; notImported: number };
}

function isImportable(name: string): boolean {
  return !name.startsWith('.') && IMPORTABLE_EXTENSIONS.some((ext) => name.toLowerCase().endsWith(ext));
}

async function listFolder(dir: string, skip: string): Promise<string[]> {
  if (resolve(dir) === skip) return [];
  const entries = await readdir(dir, { withFileTypes: true });
  const out: string[] = [];
  for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
    const path = join(dir, entry.name);
    if (entry.isDirectory() && !entry.name.startsWith('.')) for (const file of await listFolder(path, skip)) out.push(file);
    else if (entry.isFile() && isImportable(entry.name)) out.push(path);
  }
  return out;
}

/**
 * Expands folders (recursively, importable extensions only; the archive itself is skipped). A file
 * named explicitly is kept whatever its extension, so the ingest reports why it cannot be read.
 */
export async function expandImportPaths(paths: string[], archiveDir: string): Promise<string[]> {
  const out: string[] = [];
  for (const path of paths) {
    const info = await stat(path).catch(() => null);
    if (info?.isDirectory()) for (const file of await listFolder(path, resolve(archiveDir))) out.push(file);
    else out.push(path);
  }
  return [...new Set(out)];
}


interface ImportRun {
  archive: Archive;
  options: ImportOptions;
  files: string[];
  /** The time each file's items are stamped with: taken in file order, so a test clock gives the same times in every run. */
  stamps: string[];
  feed: PageFeed;
  limits: BatchLimits;
  result: ImportResult;
  /** Files taken from the feed so far. */
  handled: number;
}

const codeOf = (error: unknown) => (error instanceof IngestError ? error.code : ((error as { code?: string } | null)?.code ?? 'write-failed'));
const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** Takes pages until the batch is full, the files run out or the import is cancelled; a page that failed is recorded and skipped. */
async function collectBatch(run: ImportRun): Promise<BatchPage[]> {
  const { feed, limits, options, result } = run;
  const batch: BatchPage[] = [];
  let items = 0;
  let bytes = 0;
  while (feed.hasMore && items < limits.items && batch.length < limits.files && bytes < limits.bytes) {
    if (options.signal?.aborted) {
      result.cancelled = true;
      break;
    }
    options.onProgress?.({ step: 'importing', done: run.handled, total: run.files.length, file: run.files[run.handled] });
    const outcome = await feed.next();
    if (!outcome) break;
    run.handled += 1;
    if ('error' in outcome) {
      const error = { code: codeOf(outcome.error), message: messageOf(outcome.error) };
      result.files.push({ file: outcome.path, added: 0, merged: 0, duplicates: 0, error });
      result.failed.push({ file: outcome.path, ...error });
      continue;
    }
    const file: FileImportResult = { file: outcome.path, added: 0, merged: 0, duplicates: 0 };
    result.files.push(file);
    batch.push({ page: outcome.page, now: run.stamps[outcome.index] as string, result: file });
    items += outcome.page.items.length;
    bytes += outcome.page.bytes.byteLength + outcome.page.items.reduce((sum, { data }) => sum + data.length, 0);
  }
  return batch;
}

/** Writes a batch; on failure marks its files failed and stops the import. Answers whether to go on. */
async function commitBatch(run: ImportRun, batch: BatchPage[]): Promise<boolean> {
  const serialize = run.options.serialize ?? (<T>(task: () => Promise<T>) => task());
  try {
    const items = await serialize(() => run.archive.exclusive(() => writeBatch(run.archive, batch)));
    if (items.length > 0) run.options.onBatchWritten?.(items);
    return true;
  } catch (error) {
    const failure = { code: codeOf(error), message: messageOf(error) };
    for (const { result } of batch) {
      result.error = failure;
      run.result.failed.push({ file: result.file, ...failure });
    }
    run.result.stopped = { ...failure, notImported: run.files.length - run.handled };
    return false;
  }
}

/** One time per file, from the archive's clock in file order (in slices: 100,000 files take a while). */
async function stampFiles(archive: Archive, count: number): Promise<string[]> {
  const stamps: string[] = [];
  while (stamps.length < count) {
    const end = Math.min(count, stamps.length + 5000);
    while (stamps.length < end) stamps.push(archive.now().toISOString());
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
  return stamps;
}

/** Imports files and folders into the archive; see ImportResult for what is reported. */
export async function importIntoArchive(archive: Archive, paths: string[], options: ImportOptions = {}): Promise<ImportResult> {
  const result: ImportResult = { added: 0, merged: 0, duplicates: 0, failed: [], files: [], cancelled: false };
  options.onProgress?.({ step: 'listing', done: 0, total: paths.length });
  const files = await expandImportPaths(paths, archive.dir);
  const taxonomy = await archive.taxonomy();
  const stamps = await stampFiles(archive, files.length);
  const prepare = options.preparer ?? preparePageHere;
  const feed = new PageFeed(files, (path, index) => prepare(path, taxonomy, stamps[index] as string), FEED_LIMITS);
  const run: ImportRun = { archive, options, files, stamps, feed, limits: { ...DEFAULT_BATCH_LIMITS, ...options.batch }, result, handled: 0 };
  try {
    while (feed.hasMore && !result.cancelled) {
      const batch = await collectBatch(run);
      if (batch.length > 0 && !(await commitBatch(run, batch))) break;
    }
  } finally {
    feed.stop();
  }
  for (const file of result.files) {
    result.added += file.added;
    result.merged += file.merged;
    result.duplicates += file.duplicates;
  }
  options.onProgress?.({ step: 'done', done: run.handled, total: files.length });
  return result;
}
