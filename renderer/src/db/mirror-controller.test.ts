import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import type { Item } from '../../../shared/model';
import { createLocalIndexer } from '../search/local-indexer';
import type { LocalIndexer } from '../search/local-indexer';
import { computeBackoff } from './backoff';
import type { CacheError } from './cache-error';
import { createDexieStore, openDexieStore } from './dexie-store';
import { createMirrorController } from './mirror-controller';
import type { MirrorController, MirrorControllerOptions } from './mirror-controller';
import type { MirrorStore, NewestItems } from './mirror-store';
import { AnnalsDb } from './schema';
import { FakeMain, makeItem } from './test-support';

let count = 0;
const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

function waitFor(check: () => boolean, what = 'the condition'): Promise<void> {
  const deadline = Date.now() + 3_000;
  return new Promise((resolve, reject) => {
    const poll = () => {
      if (check()) resolve();
      else if (Date.now() > deadline) reject(new Error(`timed out waiting for ${what}`));
      else setTimeout(poll, 5);
    };
    poll();
  });
}

function seededMain(): FakeMain {
  const main = new FakeMain();
  main.putItem(makeItem('b0000001', 'Summit in Minsk', 'Leaders met in Minsk'));
  main.putItem(makeItem('b0000002', 'Учения в Армении', 'Совместные учения прошли в Армении'));
  return main;
}

/** A database name for one test, deleted afterwards. */
function freshDbName(): string {
  const name = `test-controller-${++count}`;
  cleanups.push(() => new AnnalsDb(name).delete());
  return name;
}

/** Makes IDBFactory.open throw as a browser with storage turned off does, until `restore()`. */
function breakIndexedDb(): { restore: () => void; attempts: () => number } {
  const original = IDBFactory.prototype.open;
  let attempts = 0;
  IDBFactory.prototype.open = function open(): IDBOpenDBRequest {
    attempts++;
    throw new DOMException('IndexedDB disabled by the test', 'InvalidStateError');
  };
  const restore = () => {
    IDBFactory.prototype.open = original;
  };
  cleanups.push(restore);
  return { restore, attempts: () => attempts };
}

function startController(overrides: Partial<MirrorControllerOptions> & { main: FakeMain; indexer?: LocalIndexer }): MirrorController {
  const name = freshDbName();
  const controller = createMirrorController({
    openCache: (onFailure) => openDexieStore({ name, onFailure }),
    call: overrides.main.call,
    indexer: overrides.indexer ?? createLocalIndexer(),
    saveDelayMs: 10_000,
    cacheRetryDelay: () => 20,
    syncRetryDelay: () => 20,
    ...overrides,
  });
  cleanups.push(() => controller.dispose());
  return controller;
}

/** The current value of a mirror query, as a component would see it. */
function watch<T>(controller: MirrorController, query: (store: MirrorStore) => Promise<T>): { value: () => T | undefined } {
  let latest: T | undefined;
  cleanups.push(controller.observe(query, (value) => (latest = value)));
  return { value: () => latest };
}

async function titlesFor(indexer: LocalIndexer, query: string): Promise<string[]> {
  return (await indexer.search(query, { limit: 50 })).hits.map((h) => h.title).sort();
}

describe('mirror controller', () => {
  it('rebuilds and saves the index on a first start, and reports a new generation', async () => {
    const main = seededMain();
    const name = freshDbName();
    const controller = startController({ main, openCache: (onFailure) => openDexieStore({ name, onFailure }) });
    await controller.start();
    expect(controller.getState()).toMatchObject({ status: 'ready', generation: 1, cache: { isOn: true } });
    const db = new AnnalsDb(name);
    cleanups.push(() => db.close());
    expect(await db.searchIndex.get('main')).toBeDefined();
  });

  it('shows the cache\'s newest items, undated last, before it reads the saved index on a restart', async () => {
    const main = seededMain();
    main.putItem(makeItem('b0000002', 'Учения в Армении', 'Совместные учения', '2023-06-01'));
    main.putItem(makeItem('b0000003', 'Undated note', 'no date', null));
    main.putItem(makeItem('b0000004', 'Latest summit', 'newest', '2025-01-02'));
    const name = freshDbName();
    const first = startController({ main, openCache: (onFailure) => openDexieStore({ name, onFailure }) });
    await first.start();
    expect(first.getPreview()).toBeNull(); // the cache was empty: nothing to show before the sync
    first.dispose();
    const indexer = createLocalIndexer();
    const seenAtLoad: (string[] | null)[] = [];
    const paints: number[] = [];
    const seePreview = () => seenAtLoad.push(second.getPreview()?.items.map((i) => i.id) ?? null);
    // The app's indexer (the worker) reads the saved index from the cache itself: loadSaved.
    const watched: LocalIndexer = {
      ...indexer,
      load: (bytes) => (seePreview(), indexer.load(bytes)),
      loadSaved: (database) => (seePreview(), indexer.loadSaved(database)),
    };
    const second: MirrorController = startController({
      main,
      indexer: watched,
      openCache: (onFailure) => openDexieStore({ name, onFailure }),
      waitForPaint: async () => void paints.push(seenAtLoad.length),
    });
    await second.start();
    expect(seenAtLoad).toEqual([['b0000004', 'b0000001', 'b0000002', 'b0000003']]);
    expect(paints).toEqual([0]); // the preview was painted before the index was loaded
    expect(second.getPreview()?.total).toBe(4);
  });

  it('keeps the preview after a sync and shows it on the next start before the cache is open', async () => {
    const main = seededMain();
    const name = freshDbName();
    let kept: NewestItems | null = null;
    const previewCache = { read: () => kept, write: (preview: NewestItems) => void (kept = preview) };
    const first = startController({ main, previewCache, openCache: (onFailure) => openDexieStore({ name, onFailure }) });
    await first.start();
    await waitFor(() => kept !== null, 'the kept preview');
    expect(kept).toMatchObject({ total: 2 });
    first.dispose();
    let shownAtOpen: string[] | undefined;
    const second: MirrorController = startController({
      main,
      previewCache,
      openCache: async (onFailure) => {
        shownAtOpen = second.getPreview()?.items.map((i) => i.id).sort();
        return openDexieStore({ name, onFailure });
      },
    });
    await second.start();
    expect(shownAtOpen).toEqual(['b0000001', 'b0000002']);
  });

  it('coalesces sync requests made during a sync into one more sync', async () => {
    const main = seededMain();
    const controller = startController({ main });
    await controller.start();
    main.calls = [];
    main.putItem(makeItem('b0000003', 'Two', 'second text'));
    controller.requestSync();
    controller.requestSync();
    controller.requestSync();
    await waitFor(() => controller.getGeneration() === 2 && controller.getStatus() === 'ready');
    await new Promise((r) => setTimeout(r, 50));
    expect(main.calls.filter((c) => c.channel === 'archive:revisions')).toHaveLength(2);
    expect(main.requestedItemIds()).toEqual(['b0000003']);
  });

  it('defers saving the index after an edit until flushed, leaving none saved meanwhile', async () => {
    const main = seededMain();
    const name = freshDbName();
    const controller = startController({ main, openCache: (onFailure) => openDexieStore({ name, onFailure }) });
    await controller.start();
    const db = new AnnalsDb(name);
    cleanups.push(() => db.close());
    main.putItem(makeItem('b0000001', 'One edited', 'first text'));
    controller.requestSync();
    await waitFor(() => controller.getGeneration() === 2);
    expect(await db.searchIndex.get('main')).toBeUndefined();
    await controller.flushSave();
    expect(await db.searchIndex.get('main')).toBeDefined();
  });

  it('reports a failing main by code and retries the sync by itself, without an items-changed event', async () => {
    const main = seededMain();
    let failures = 2;
    const flaky: typeof main.call = async (channel, args) => {
      if (failures > 0) {
        failures--;
        throw Object.assign(new Error('Annals cannot be reached'), { code: 'unavailable' });
      }
      return main.call(channel, args);
    };
    const indexer = createLocalIndexer();
    const controller = startController({ main, call: flaky, indexer });
    await controller.start();
    expect(controller.getState()).toMatchObject({ status: 'error', syncError: { code: 'unavailable', message: 'Annals cannot be reached' } });
    await waitFor(() => controller.getStatus() === 'ready', 'the retried sync');
    expect(controller.getState().syncError).toBeNull();
    expect(await titlesFor(indexer, 'Minsk')).toEqual(['Summit in Minsk']);
  });

  it('searches and reads everything from an in-memory mirror when IndexedDB cannot be opened', async () => {
    breakIndexedDb();
    const main = seededMain();
    const indexer = createLocalIndexer();
    const controller = startController({ main, indexer, cacheRetryDelay: () => 60_000 });
    const item = watch(controller, (store) => store.getItem('b0000002'));
    await controller.start();
    const state = controller.getState();
    expect(state).toMatchObject({ status: 'ready', generation: 1, syncError: null, cache: { isOn: false, code: 'cache-unavailable' } });
    expect(state.cache.isOn === false && state.cache.nextRetryAt).toBeGreaterThan(Date.now());
    expect(await titlesFor(indexer, 'учение')).toEqual(['Учения в Армении']);
    expect(await titlesFor(indexer, 'Minsk')).toEqual(['Summit in Minsk']);
    await waitFor(() => item.value()?.title === 'Учения в Армении', 'the item from the memory mirror');
  });

  it('keeps an edit made while the cache is off, and the reader sees it at once', async () => {
    breakIndexedDb();
    const main = seededMain();
    const controller = startController({ main, cacheRetryDelay: () => 60_000 });
    await controller.start();
    const item = watch(controller, (store) => store.getItem('b0000001'));
    // Main answers the edit after writing it to disk; the mirror then takes main's answer.
    const edited: Item = { ...makeItem('b0000001', 'Summit in Minsk', 'Leaders met in Minsk'), note: 'kept' };
    main.putItem(edited);
    await controller.putItems([edited]);
    await waitFor(() => item.value()?.note === 'kept', 'the edited note');
    await waitFor(() => controller.getStatus() === 'ready');
  });

  it('retries the cache with a growing delay and moves the mirror back into it once it opens', async () => {
    const broken = breakIndexedDb();
    const main = seededMain();
    const name = freshDbName();
    const waits: number[] = [];
    const controller = startController({
      main,
      openCache: (onFailure) => openDexieStore({ name, onFailure }),
      cacheRetryDelay: (attempt) => {
        waits.push(computeBackoff(attempt, { firstMs: 5_000, factor: 3, maxMs: 300_000 }));
        return 15;
      },
    });
    const item = watch(controller, (store) => store.getItem('b0000001'));
    await controller.start();
    await controller.writeUiState('view', { text: 'Minsk' });
    await waitFor(() => waits.length >= 3, 'three retries of the cache');
    expect(broken.attempts()).toBeGreaterThanOrEqual(3);
    expect(waits.slice(0, 3)).toEqual([5_000, 15_000, 45_000]);
    expect(controller.getState().cache).toMatchObject({ isOn: false, code: 'cache-unavailable' });

    broken.restore();
    await waitFor(() => controller.getState().cache.isOn, 'the cache to come back');
    await waitFor(() => controller.getStatus() === 'ready');
    const db = new AnnalsDb(name);
    cleanups.push(() => db.close());
    expect((await db.items.toArray()).map((i) => i.id).sort()).toEqual(['b0000001', 'b0000002']);
    expect(await db.searchIndex.get('main')).toBeDefined();
    expect((await db.uiState.get('view'))?.value).toEqual({ text: 'Minsk' });
    // Queries now read the cache: a change written there reaches them.
    await db.items.put({ ...makeItem('b0000001', 'Written in the cache', 'x') });
    await waitFor(() => item.value()?.title === 'Written in the cache', 'the query to follow the cache');
  });

  it('falls back to memory when the cache fills up while in use, and never fails an edit', async () => {
    const main = seededMain();
    const name = freshDbName();
    let db: AnnalsDb | null = null;
    const openCache = async (onFailure: (error: CacheError) => void): Promise<MirrorStore> => {
      db = new AnnalsDb(name);
      await db.open();
      return createDexieStore(db, { onFailure });
    };
    const indexer = createLocalIndexer();
    const controller = startController({ main, indexer, openCache, cacheRetryDelay: () => 60_000 });
    await controller.start();
    const item = watch(controller, (store) => store.getItem('b0000003'));
    const full = () => Promise.reject(new DOMException('The quota has been exceeded.', 'QuotaExceededError'));
    const opened = db as unknown as AnnalsDb;
    opened.items.bulkPut = full as never;
    opened.items.put = full as never;

    const imported = makeItem('b0000003', 'Imported while full', 'Exercise Cooperation in Kyrgyzstan');
    main.putItem(imported);
    await expect(controller.putItems([imported])).resolves.toBeUndefined();
    await waitFor(() => !controller.getState().cache.isOn, 'the cache to be turned off');
    expect(controller.getState().cache).toMatchObject({ isOn: false, code: 'cache-full' });
    await waitFor(() => controller.getStatus() === 'ready' && item.value()?.title === 'Imported while full', 'the memory mirror');
    expect(await titlesFor(indexer, 'Kyrgyzstan')).toEqual(['Imported while full']);
  });

  it('falls back to memory when the open database fails (closed under the app)', async () => {
    const main = seededMain();
    const name = freshDbName();
    let db: AnnalsDb | null = null;
    const openCache = async (onFailure: (error: CacheError) => void): Promise<MirrorStore> => {
      db = new AnnalsDb(name);
      await db.open();
      return createDexieStore(db, { onFailure });
    };
    const controller = startController({ main, openCache, cacheRetryDelay: () => 60_000 });
    await controller.start();
    (db as unknown as AnnalsDb).close();
    main.putItem(makeItem('b0000004', 'After the close', 'text'));
    const item = watch(controller, (store) => store.getItem('b0000004'));
    controller.requestSync();
    await waitFor(() => controller.getState().cache.isOn === false, 'the cache to be turned off');
    expect(controller.getState().cache).toMatchObject({ code: 'cache-failed' });
    await waitFor(() => item.value()?.title === 'After the close', 'the memory mirror');
  });
});
