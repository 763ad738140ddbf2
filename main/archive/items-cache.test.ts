// The start cache never stands between the app and the disk: a file changed behind it is read again,
// and a damaged cache is ignored.
import { mkdtemp, mkdir, readFile, rm, stat, truncate, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { openArchive } from './archive';
import { type Item, emptyTags } from '../../shared/model';
import { serializeItem } from './item-file';
import { ITEMS_CACHE_FILE, ITEMS_CACHE_MIN_ITEMS, isStampCurrent, readItemsCache, writeItemsCache } from './items-cache';
import { scanArchive } from './scan';

function sampleItem(n: number, title = `Item ${n}`): Item {
  return {
    id: `abcdef01234567${String(n).padStart(2, '0')}`, title, isTitleDerived: false, date: '2024-09-10', datePrecision: 'day',
    lang: 'en', text: `Text of item ${n}.`, sources: [], autoTags: emptyTags(), curator: { added: emptyTags(), rejected: emptyTags() },
    note: '', highlights: [], status: 'unread', imported: '2026-01-01T00:00:00.000Z', updated: '2026-01-01T00:00:00.000Z',
  };
}

let dir: string;
const fileOf = (n: number) => `items/2024/item-${n}.md`;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'annals-items-cache-'));
  await mkdir(join(dir, 'items/2024'), { recursive: true });
  await mkdir(join(dir, '.annals'));
  for (const n of [1, 2, 3]) await writeFile(join(dir, fileOf(n)), serializeItem(sampleItem(n)));
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** Scans with the cache, as an open does, and writes the cache as if the scan were long past the files' stamps. */
async function scanAndCache() {
  const scan = await scanArchive(dir, { cache: await readItemsCache(dir) });
  await writeItemsCache(dir, scan.itemStamps, Date.now() + 60_000);
  return scan;
}

async function scanWithCache() {
  return scanArchive(dir, { cache: await readItemsCache(dir) });
}

const titles = (scan: Awaited<ReturnType<typeof scanArchive>>) => scan.items.map(({ item }) => item.title).sort();

describe('the start cache of parsed items', () => {
  it('gives back every unchanged file without reading it, with the same items and hashes', async () => {
    const first = await scanAndCache();
    const second = await scanWithCache();
    console.log(`[items-cache] hits=${second.cacheHits}/${second.items.length}`);
    expect(first.cacheHits).toBe(0);
    expect(second.cacheHits).toBe(3);
    expect(second.items).toStrictEqual(first.items);
    expect(second.hashes).toStrictEqual(first.hashes);
  });

  it('reads again a file changed behind it with the same size and a new mtime', async () => {
    await scanAndCache();
    const path = join(dir, fileOf(2));
    const same = serializeItem(sampleItem(2, 'Item X'));
    expect(same.length).toBe((await readFile(path, 'utf8')).length);
    await writeFile(path, same);
    await utimes(path, new Date(), new Date(Date.now() + 5000));
    const scan = await scanWithCache();
    expect(scan.cacheHits).toBe(2);
    expect(titles(scan)).toEqual(['Item 1', 'Item 3', 'Item X']);
  });

  it('reads again a file changed behind it with the same mtime and a new size', async () => {
    const path = join(dir, fileOf(3));
    const stamp = new Date('2026-01-01T00:00:00.000Z');
    await utimes(path, stamp, stamp);
    await scanAndCache();
    await writeFile(path, serializeItem(sampleItem(3, 'Item three, longer')));
    await utimes(path, stamp, stamp);
    expect((await stat(path)).mtimeMs).toBe(stamp.getTime());
    const scan = await scanWithCache();
    expect(scan.cacheHits).toBe(2);
    expect(titles(scan)).toEqual(['Item 1', 'Item 2', 'Item three, longer']);
  });

  it('drops a removed file and reads a new one', async () => {
    await scanAndCache();
    await rm(join(dir, fileOf(1)));
    await writeFile(join(dir, fileOf(4)), serializeItem(sampleItem(4)));
    const scan = await scanWithCache();
    expect(scan.cacheHits).toBe(2);
    expect(titles(scan)).toEqual(['Item 2', 'Item 3', 'Item 4']);
  });

  it.each([
    ['truncated', async (path: string) => truncate(path, (await stat(path)).size - 20)],
    ['cut after a whole line', async (path: string) => {
      const text = await readFile(path, 'utf8');
      await writeFile(path, text.slice(0, text.indexOf('\n', text.indexOf('\n') + 1) + 1));
    }],
    ['garbage', async (path: string) => writeFile(path, 'not a cache\n{]\n')],
    ['from another version', async (path: string) => {
      const text = await readFile(path, 'utf8');
      await writeFile(path, text.replace('"version":1', '"version":999'));
    }],
    ['holding a damaged item', async (path: string) => {
      const text = await readFile(path, 'utf8');
      await writeFile(path, text.replace('"autoTags":{"state":[]', '"autoTags":{"state":7'));
    }],
  ])('ignores a cache %s and reads the files', async (_, damage) => {
    await scanAndCache();
    await damage(join(dir, ITEMS_CACHE_FILE));
    expect((await readItemsCache(dir)).size).toBe(0);
    const scan = await scanWithCache();
    expect(scan.cacheHits).toBe(0);
    expect(titles(scan)).toEqual(['Item 1', 'Item 2', 'Item 3']);
  });

  it('leaves out files stamped just before the scan, whose changes a coarse mtime could hide', async () => {
    const scan = await scanArchive(dir, { cache: await readItemsCache(dir) });
    await writeItemsCache(dir, scan.itemStamps, Date.now());
    expect((await readItemsCache(dir)).size).toBe(0);
  });
});

describe('opening an archive with the start cache', () => {
  it('tells a stamp apart by size, mtime or ctime', () => {
    const stamp = { size: 10, mtimeMs: 1000.5, ctimeMs: 2000 };
    expect(isStampCurrent(stamp, { ...stamp })).toBe(true);
    for (const change of [{ size: 11 }, { mtimeMs: 1000.6 }, { ctimeMs: 2001 }]) {
      expect(isStampCurrent(stamp, { ...stamp, ...change })).toBe(false);
    }
  });

  it('writes the cache after the open and reads a file changed behind it on the next open', async () => {
    const archiveDir = join(dir, 'archive');
    await (await openArchive(archiveDir, { create: true })).close();
    const count = ITEMS_CACHE_MIN_ITEMS;
    await Promise.all(
      Array.from({ length: count }, (_, n) => writeFile(join(archiveDir, `items/item-${n}.md`), serializeItem({ ...sampleItem(0, `Item ${n}`), id: `item${String(n).padStart(8, '0')}` }))),
    );
    // The files were just written: the open pretends to happen a minute later, past the racy window.
    vi.useFakeTimers({ toFake: ['Date'], now: Date.now() + 60_000 });
    try {
      const first = await openArchive(archiveDir);
      await first.close();
      expect((await readItemsCache(archiveDir)).size).toBe(count);
      await writeFile(join(archiveDir, 'items/item-7.md'), serializeItem({ ...sampleItem(0, 'Changed'), id: 'item00000007' }));
      const second = await openArchive(archiveDir, { readOnly: true });
      expect(second.listItems()).toHaveLength(count);
      expect(second.listItems().find((item) => item.id === 'item00000007')?.title).toBe('Changed');
      await second.close();
    } finally {
      vi.useRealTimers();
    }
  });
});
