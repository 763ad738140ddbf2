import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SEARCH_INDEX_VERSION } from '../../../shared/search/index';
import { createLocalIndexer } from '../search/local-indexer';
import { createDexieStore } from './dexie-store';
import { createMemoryStore } from './memory-store';
import type { MirrorStore } from './mirror-store';
import { AnnalsDb } from './schema';
import { loadSavedIndex, syncMirror } from './sync';
import { FakeMain, makeCollection, makeItem } from './test-support';

let dbCount = 0;
const KINDS: { name: string; create: () => Promise<{ store: MirrorStore; destroy: () => Promise<void> }> }[] = [
  {
    name: 'the offline cache (IndexedDB)',
    async create() {
      const db = new AnnalsDb(`test-mirror-${++dbCount}`);
      await db.open();
      return { store: createDexieStore(db), destroy: () => db.delete() };
    },
  },
  { name: 'the in-memory mirror', create: async () => ({ store: createMemoryStore(), destroy: async () => undefined }) },
];

function seedMain(count: number): FakeMain {
  const main = new FakeMain();
  for (let i = 0; i < count; i++) {
    main.putItem(makeItem(`a${String(i).padStart(7, '0')}`, `Report ${i}`, `Exercise Interaction number ${i} in Armenia`));
  }
  return main;
}

describe.each(KINDS)('syncMirror into $name', (kind) => {
  let store: MirrorStore;
  let destroy: () => Promise<void>;
  beforeEach(async () => {
    ({ store, destroy } = await kind.create());
  });
  afterEach(async () => {
    await destroy();
  });

  async function titlesFor(query: string, indexer = createLocalIndexer()): Promise<string[]> {
    await loadSavedIndex(store, indexer);
    const result = await indexer.search(query, { limit: 100 });
    return result.hits.map((h) => h.title).sort();
  }

  it('fetches every item in batches on the first start and saves a usable index', async () => {
    const main = seedMain(7);
    const report = await syncMirror(store, main.call, createLocalIndexer(), { rebuild: true, batchSize: 3 });
    expect(report.fetchedItems).toBe(7);
    expect(main.calls.filter((c) => c.channel === 'items:get')).toHaveLength(3);
    expect(await store.listItems()).toHaveLength(7);
    expect((await store.readIndex())?.version).toBe(SEARCH_INDEX_VERSION);
    expect(await titlesFor('"number 5"')).toEqual(['Report 5']);
  });

  it('applies only the revisions that changed since the last sync', async () => {
    const main = seedMain(5);
    const indexer = createLocalIndexer();
    await syncMirror(store, main.call, indexer, { rebuild: true });
    main.calls = [];
    main.putItem(makeItem('a0000002', 'Renamed report', 'A fresh text about Kazakhstan'));
    const report = await syncMirror(store, main.call, indexer, { rebuild: false });
    expect(main.requestedItemIds()).toEqual(['a0000002']);
    expect(report).toMatchObject({ fetchedItems: 1, removedItems: 0, rebuilt: false });
    expect((await store.getItem('a0000002'))?.title).toBe('Renamed report');
    expect(await titlesFor('Kazakhstan')).toEqual(['Renamed report']);
  });

  it('asks for nothing when no revision changed', async () => {
    const main = seedMain(3);
    const indexer = createLocalIndexer();
    await syncMirror(store, main.call, indexer, { rebuild: true });
    main.calls = [];
    const report = await syncMirror(store, main.call, indexer, { rebuild: false });
    expect(main.requestedItemIds()).toEqual([]);
    expect(report.fetchedItems).toBe(0);
  });

  it('removes items main no longer has, from the mirror and the index', async () => {
    const main = seedMain(3);
    const indexer = createLocalIndexer();
    await syncMirror(store, main.call, indexer, { rebuild: true });
    main.items.delete('a0000001');
    const report = await syncMirror(store, main.call, indexer, { rebuild: false });
    expect(report.removedItems).toBe(1);
    expect(await store.getItem('a0000001')).toBeUndefined();
    expect((await store.readRevisions('item:')).has('a0000001')).toBe(false);
    expect(await titlesFor('Report')).toEqual(['Report 0', 'Report 2']);
  });

  it('re-indexes the members of a changed collection so in: finds them', async () => {
    const main = seedMain(3);
    const indexer = createLocalIndexer();
    await syncMirror(store, main.call, indexer, { rebuild: true });
    main.calls = [];
    main.putCollection(makeCollection('summit', 'Summit brief', ['a0000000', 'a0000002']));
    await syncMirror(store, main.call, indexer, { rebuild: false });
    expect(main.requestedItemIds()).not.toContain('a0000000');
    expect(await titlesFor('in:summit')).toEqual(['Report 0', 'Report 2']);
    main.putCollection(makeCollection('summit', 'Summit brief', ['a0000001']));
    await syncMirror(store, main.call, indexer, { rebuild: false });
    expect(await titlesFor('in:summit')).toEqual(['Report 1']);
  });

  it('drops the saved index in the same write as the records it no longer matches', async () => {
    const main = seedMain(2);
    const indexer = createLocalIndexer();
    await syncMirror(store, main.call, indexer, { rebuild: true });
    main.putItem(makeItem('a0000001', 'Edited', 'edited text'));
    await syncMirror(store, main.call, indexer, { rebuild: false, deferSave: true });
    expect(await store.readIndex()).toBeUndefined();
    expect((await store.getItem('a0000001'))?.title).toBe('Edited');
  });

  it('rebuilds the index from the mirror when the saved index is missing', async () => {
    const main = seedMain(4);
    await syncMirror(store, main.call, createLocalIndexer(), { rebuild: true });
    await store.writeChanges({ items: [], removedItems: [], collections: [], removedCollections: [], revisions: [], removedRevisions: [] });
    main.calls = [];
    const fresh = createLocalIndexer();
    expect(await loadSavedIndex(store, fresh)).toBe(false);
    const report = await syncMirror(store, main.call, fresh, { rebuild: true });
    expect(main.requestedItemIds()).toEqual([]);
    expect(report.rebuilt).toBe(true);
    expect(fresh.size()).toBe(4);
    expect(await titlesFor('Report')).toHaveLength(4);
  });

  it('refuses a saved index of another version', async () => {
    const main = seedMain(2);
    await syncMirror(store, main.call, createLocalIndexer(), { rebuild: true });
    const saved = await store.readIndex();
    await store.writeIndex(SEARCH_INDEX_VERSION + 1, saved?.bytes ?? new Uint8Array());
    expect(await loadSavedIndex(store, createLocalIndexer())).toBe(false);
  });

  it('hands the saved index to an indexer that cannot read the cache itself', async () => {
    const main = seedMain(3);
    await syncMirror(store, main.call, createLocalIndexer(), { rebuild: true });
    const { loadSaved: _unused, ...plain } = createLocalIndexer();
    expect(await loadSavedIndex(store, plain)).toBe(true);
    expect((await plain.search('Report', {})).total).toBe(3);
  });

  it('refuses a damaged saved index', async () => {
    await store.writeIndex(SEARCH_INDEX_VERSION, new TextEncoder().encode('{"format":"nope"'));
    expect(await loadSavedIndex(store, createLocalIndexer())).toBe(false);
  });

  it('fetches everything again into a fresh mirror (the old one was lost)', async () => {
    const main = seedMain(3);
    await syncMirror(store, main.call, createLocalIndexer(), { rebuild: true });
    await destroy();
    ({ store, destroy } = await kind.create());
    main.calls = [];
    await syncMirror(store, main.call, createLocalIndexer(), { rebuild: true });
    expect(main.requestedItemIds().sort()).toEqual(['a0000000', 'a0000001', 'a0000002']);
  });
});

describe('loadSavedIndex from the offline cache', () => {
  it('lets an indexer that reads the cache itself (the search worker) load the index; the page never reads its bytes', async () => {
    const db = new AnnalsDb(`test-mirror-${++dbCount}`);
    await db.open();
    const main = seedMain(3);
    await syncMirror(createDexieStore(db), main.call, createLocalIndexer(), { rebuild: true });
    const store: MirrorStore = { ...createDexieStore(db), readIndex: () => Promise.reject(new Error('read on the page')) };
    const indexer = createLocalIndexer();
    expect(await loadSavedIndex(store, indexer)).toBe(true);
    expect((await indexer.search('Report', {})).total).toBe(3);
    await db.delete();
  });
});
