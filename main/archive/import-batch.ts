// One import batch: many prepared pages absorbed into the in-memory index, then written as ONE
// journaled change (their new and changed items and their sources): after a crash the batch is
// rolled forward or back as a whole. Absorbing yields to the event loop every few milliseconds, so
// the main thread stays responsive however large the batch. A batch that cannot be written is
// undone in memory too (the archive re-reads the disk, the truth) and every file in it is reported
// failed with the error's code.
import { access } from 'node:fs/promises';
import { join } from 'node:path';
import type { Item } from '../../shared/model';
import { type AbsorbKind, absorbItem } from './absorb';
import type { Archive, ItemChange } from './archive';
import { runBounded } from './atomic-write';
import type { PreparedPage } from './import-prepare';
import { serializeItem } from './item-file';
import { sourceRelPath } from './paths';

/** What one file of a batch did (filled in when the batch is written). */
export interface BatchFile {
  file: string;
  added: number;
  merged: number;
  duplicates: number;
  error?: { code: string; message: string };
}

export interface BatchPage {
  page: PreparedPage;
  /** The time the page's items were stamped with (a merge stamps `updated` with it too). */
  now: string;
  result: BatchFile;
}

/** Longest stretch of absorbing or serializing without giving the event loop a turn. */
const SLICE_MS = 8;
const COUNTER: Record<AbsorbKind, 'added' | 'merged' | 'duplicates'> = { added: 'added', merged: 'merged', duplicate: 'duplicates' };

const yieldToLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Calls `step` for each item, yielding to the event loop whenever a slice has run SLICE_MS. */
async function inSlices<T>(items: readonly T[], step: (item: T) => void): Promise<void> {
  let sliceStart = performance.now();
  for (const item of items) {
    step(item);
    if (performance.now() - sliceStart > SLICE_MS) {
      await yieldToLoop();
      sliceStart = performance.now();
    }
  }
}

/** Absorbs the pages' items into the archive's index; answers the item changes to write (data serialized). */
async function absorbPages(archive: Archive, pages: readonly BatchPage[]): Promise<ItemChange[]> {
  const index = archive.itemIndex;
  // After an open (or a reload) the archive's own items are not keyed yet; absorbing needs them all.
  await index.keyAllInSlices();
  // The first change of an item in this batch holds its state on disk.
  const previous = new Map<string, Item | null>();
  const prepared = new Map<Item, string>();
  await inSlices(pages, ({ page, now, result }) => {
    for (const { item, data, keys } of page.items) {
      const outcome = absorbItem(index, item, now, keys);
      if (outcome.changedId !== null && !previous.has(outcome.changedId)) previous.set(outcome.changedId, outcome.previous);
      result[COUNTER[outcome.kind]] += 1;
      prepared.set(item, data);
    }
  });
  const changes: ItemChange[] = [];
  for (const [id, before] of previous) {
    const after = index.get(id)?.item;
    if (after && after !== before) changes.push({ item: after, previous: before, data: prepared.get(after) });
  }
  // A merged item, or a duplicate that gained a source, is no longer what the worker serialized.
  await inSlices(changes, (change) => {
    change.data ??= serializeItem(change.item);
  });
  return changes;
}

/** The batch's sources not in the archive yet, each once (content-addressed: a file there has the same bytes). */
async function newSources(archive: Archive, pages: readonly BatchPage[]) {
  // By name, not by hash alone: the same bytes imported as .txt and as .html are two sources.
  const byPath = new Map<string, PreparedPage>();
  for (const { page } of pages) byPath.set(join(archive.dir, sourceRelPath(page.sha256, page.ext)), page);
  const writes: { path: string; data: Uint8Array; sha256: string }[] = [];
  await runBounded([...byPath], 16, async ([path, page]) => {
    const isThere = await access(path).then(() => true, () => false);
    if (!isThere) writes.push({ path, data: page.bytes, sha256: page.sha256 });
  });
  return writes.sort((a, b) => a.path.localeCompare(b.path));
}

/**
 * Absorbs and writes one batch (run it under Archive.exclusive); answers the ids of the items added
 * or changed. On failure the in-memory view is re-read from disk, the files' counts are cleared and
 * the error is thrown (an ArchiveError with a stable code for a file-system failure).
 */
export async function writeBatch(archive: Archive, pages: readonly BatchPage[]): Promise<string[]> {
  if (pages.length === 0) return [];
  try {
    const changes = await absorbPages(archive, pages);
    await archive.writeItemChanges(changes, await newSources(archive, pages), 'import');
    return changes.map((change) => change.item.id);
  } catch (error) {
    for (const { result } of pages) Object.assign(result, { added: 0, merged: 0, duplicates: 0 });
    await archive.reload(); // the disk is the truth
    throw error;
  }
}
