import { writeFileSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type Item, emptyTags } from '../../shared/model';
import { type Archive, openArchive } from './archive';
import { serializeCollection } from './collection-file';
import { serializeItem } from './item-file';
import { buildItem } from './new-item';
import { itemRelPath } from './paths';
import type { Problem } from './scan';
import { type ArchiveWatcher, type OutsideChange, type WatchOptions, watchArchive } from './watch';

const QUIET_MS = 60;

let dir: string;
let archive: Archive;
let watcher: ArchiveWatcher;
let changes: OutsideChange[];
let problems: Problem[];
let seed = 0;

function makeItem(text: string, date = '2024-05-01'): Item {
  return buildItem(
    { title: `Release ${text.slice(0, 24)}`, text, date, datePrecision: 'day', lang: 'en', tags: emptyTags() },
    { sha256: 'a'.repeat(64), file: 'page.txt', ext: 'txt', url: null, index: 0 },
    '2026-01-01T00:00:00.000Z',
  );
}

function uniqueText(): string {
  seed += 1;
  return `The Collective Security Treaty Organization held meeting number ${seed} on regional security questions.`;
}

async function startWatcher(options: Partial<WatchOptions> = {}): Promise<void> {
  watcher = await watchArchive(archive, {
    quietMs: QUIET_MS,
    onChange: (change) => changes.push(change),
    onProblems: (found) => problems.push(...found),
    ...options,
  });
}

/** Polls `condition` until it holds; fails after `timeoutMs`. */
async function waitFor(condition: () => boolean, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms: ${condition.toString()}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** Writes an item file the way another program would (plain write, no lock, no Archive). */
async function writeOutside(rel: string, text: string): Promise<void> {
  await mkdir(dirname(join(dir, rel)), { recursive: true });
  await writeFile(join(dir, rel), text);
}

/**
 * Makes an outside change of its own and waits until it is applied. fs events arrive in order and
 * batches run one at a time, so anything that happened before has been judged by then.
 */
async function settleWithSentinel(): Promise<void> {
  const sentinel = makeItem(uniqueText(), '2020-01-01');
  await writeOutside(itemRelPath(sentinel), serializeItem(sentinel));
  await waitFor(() => archive.getItem(sentinel.id) !== undefined);
  await watcher.whenIdle();
}

const touched = (id: string) => changes.some((change) => change.items.includes(id));

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'annals-watch-'));
  archive = await openArchive(dir, { create: true });
  const items = [makeItem(uniqueText()), makeItem(uniqueText(), '2023-02-03')];
  for (const item of items) archive.itemIndex.put(item, null);
  await archive.writeItemChanges(items.map((item) => ({ item, previous: null })));
  changes = [];
  problems = [];
});

afterEach(async () => {
  await watcher?.close();
  await rm(dir, { recursive: true, force: true });
});

function firstItem(): Item {
  const item = archive.listItems()[0];
  if (!item) throw new Error('the test archive has no item');
  return item;
}

function fileOf(id: string): string {
  const file = archive.itemFile(id);
  if (!file) throw new Error(`no file for ${id}`);
  return join(dir, file);
}

describe('outside edits of items', () => {
  it('adds an item whose file appears in a new year folder', async () => {
    await startWatcher();
    const item = makeItem(uniqueText(), '2031-07-08');
    await writeOutside(itemRelPath(item), serializeItem(item));
    await waitFor(() => touched(item.id));
    expect(archive.listItems().map((i) => i.id)).toContain(item.id);
    expect(archive.getItem(item.id)).toEqual(item);
  });

  it('applies a note edited in another editor', async () => {
    await startWatcher();
    const item = firstItem();
    await writeFile(fileOf(item.id), serializeItem({ ...item, note: 'Checked against the Russian version' }));
    await waitFor(() => touched(item.id));
    expect(archive.getItem(item.id)?.note).toBe('Checked against the Russian version');
    expect(changes.every((change) => !change.isReset)).toBe(true);
  });

  it('removes an item only once its file is still missing a quiet period later', async () => {
    await startWatcher();
    const item = firstItem();
    await rm(fileOf(item.id));
    await waitFor(() => touched(item.id));
    expect(archive.getItem(item.id)).toBeUndefined();
    // The first batch only saw the file missing; a later one confirmed it.
    expect(watcher.stats.batches).toBeGreaterThanOrEqual(2);
  });

  it('keeps an item whose file is emptied and then restored, and reports no deletion', async () => {
    await startWatcher();
    const item = firstItem();
    const path = fileOf(item.id);
    const original = await readFile(path, 'utf8');
    const batches = watcher.stats.batches;
    await writeFile(path, '');
    await waitFor(() => watcher.stats.batches > batches); // a batch has read the empty file
    expect(archive.getItem(item.id)).toEqual(item);
    await writeFile(path, original);
    await settleWithSentinel();
    expect(touched(item.id)).toBe(false);
    expect(archive.getItem(item.id)).toEqual(item);
    expect(archive.itemFile(item.id)).not.toBeNull();
  });

  it('reports a file that stays empty, and keeps its item', async () => {
    await startWatcher();
    const item = firstItem();
    await writeFile(fileOf(item.id), '');
    await waitFor(() => problems.some((p) => p.code === 'empty-file'));
    expect(archive.getItem(item.id)).toEqual(item);
    expect(touched(item.id)).toBe(false);
  });

  it('keeps the last good version of a file that no longer parses, reports it, and clears it once fixed', async () => {
    await startWatcher();
    const item = firstItem();
    const path = fileOf(item.id);
    const original = await readFile(path, 'utf8');
    await writeFile(path, original.replace(/^lang: en$/m, 'lang: [broken'));
    await waitFor(() => problems.length > 0);
    expect(problems[0]?.file).toBe(archive.itemFile(item.id));
    expect(archive.getItem(item.id)).toEqual(item);
    expect(archive.problems.map((p) => p.file)).toContain(archive.itemFile(item.id));
    await writeFile(path, serializeItem({ ...item, note: 'fixed' }));
    await waitFor(() => archive.getItem(item.id)?.note === 'fixed');
    expect(archive.problems).toEqual([]);
  });

  it('follows a renamed item file instead of deleting and re-adding it', async () => {
    await startWatcher();
    const item = firstItem();
    await rename(fileOf(item.id), join(dir, 'items', 'renamed-by-hand.md'));
    await waitFor(() => archive.itemFile(item.id) === 'items/renamed-by-hand.md');
    await settleWithSentinel();
    expect(archive.getItem(item.id)).toEqual(item);
    expect(archive.problems).toEqual([]);
  });

  it('reports a copied item file as a duplicate and keeps the original', async () => {
    await startWatcher();
    const item = firstItem();
    const file = archive.itemFile(item.id);
    await writeOutside('items/copy.md', await readFile(fileOf(item.id), 'utf8'));
    await waitFor(() => problems.some((p) => p.code === 'duplicate-id'));
    expect(archive.itemFile(item.id)).toBe(file);
  });

  it('makes search see an outside edit even when a search ran before the watcher applied it', async () => {
    await startWatcher();
    const item = firstItem();
    const edited = { ...item, text: `${item.text} Zanzibarian delegates attended.` };
    // Holding the lock keeps the watcher out: the search caches the old view under the new files' fingerprint.
    await archive.exclusive(async () => {
      await writeFile(fileOf(item.id), serializeItem(edited));
      expect((await archive.search('zanzibarian')).total).toBe(0);
    });
    await waitFor(() => touched(item.id));
    expect((await archive.search('zanzibarian')).hits.map((hit) => hit.id)).toEqual([item.id]);
  });

  it('ignores temp files, the cache folder and sources', async () => {
    await startWatcher();
    const item = makeItem(uniqueText());
    await writeOutside(`items/2024/.${item.id}.md.0123456789ab.tmp`, serializeItem(item));
    await writeOutside(`.annals/${item.id}.md`, serializeItem(item));
    await writeOutside(`sources/${item.id}.md`, serializeItem(item));
    await settleWithSentinel();
    expect(archive.getItem(item.id)).toBeUndefined();
    expect(problems).toEqual([]);
  });
});

describe("the archive's own writes", () => {
  it('do not come back as outside changes', async () => {
    await startWatcher();
    const item = firstItem();
    await archive.updateItem(item.id, { note: 'written by the app' });
    const collection = await archive.createCollection('Armenia 2024');
    await archive.addToCollection(collection.slug, [item.id]);
    await settleWithSentinel();
    expect(touched(item.id)).toBe(false);
    expect(changes.some((change) => change.collections.includes(collection.slug))).toBe(false);
    expect(archive.getItem(item.id)?.note).toBe('written by the app');
  });
});

describe('outside edits of collections and the taxonomy', () => {
  it('applies, then removes, a collection written by hand', async () => {
    await startWatcher();
    const collection = { slug: 'by-hand', title: 'By hand', intro: '', entries: [{ id: firstItem().id, note: '' }], created: '2026-01-01T00:00:00.000Z', updated: '2026-01-01T00:00:00.000Z' };
    await writeOutside('collections/by-hand.md', serializeCollection(collection));
    await waitFor(() => archive.getCollection('by-hand') !== undefined);
    expect(changes.some((change) => change.collections.includes('by-hand'))).toBe(true);
    await rm(join(dir, 'collections', 'by-hand.md'));
    await waitFor(() => changes.some((change) => change.removedCollections.includes('by-hand')));
    expect(archive.getCollection('by-hand')).toBeUndefined();
  });

  it('reloads taxonomy.json after it changes', async () => {
    await startWatcher();
    const before = await archive.taxonomy();
    await writeOutside('taxonomy.json', JSON.stringify({ format: 'annals-taxonomy', version: 1 }));
    await waitFor(() => changes.some((change) => change.isTaxonomyChanged));
    expect(await archive.taxonomy()).not.toBe(before);
  });
});

describe('bursts', () => {
  it('applies a thousand files written at once in one batch with one full rescan', async () => {
    await startWatcher({ maxWaitMs: 5000 });
    const count = archive.listItems().length;
    // Into a folder that is already watched, so every file is named by its own events.
    const items = Array.from({ length: 1000 }, () => makeItem(uniqueText(), '2024-03-04'));
    const texts = items.map((item) => serializeItem(item));
    // Synchronous writes: no timer can fire in between, as in a `git checkout` that is faster than the quiet period.
    items.forEach((item, i) => writeFileSync(join(dir, itemRelPath(item)), texts[i] as string));
    await waitFor(() => archive.listItems().length === count + 1000, 20_000);
    await watcher.whenIdle();
    expect(changes).toHaveLength(1);
    expect(changes[0]).toMatchObject({ isReset: true });
    expect(changes[0]?.items).toHaveLength(1000);
    expect(watcher.stats.fullRescans).toBe(1);
  });
});
