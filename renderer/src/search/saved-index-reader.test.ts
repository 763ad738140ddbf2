import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { SEARCH_INDEX_VERSION } from '../../../shared/search/index';
import { toSearchDoc } from '../../../shared/search/search-doc';
import { openDexieStore } from '../db/dexie-store';
import { makeItem } from '../db/test-support';
import { createLocalIndexer } from './local-indexer';
import { readSavedIndexRecord } from './saved-index-reader';

let count = 0;
const freshName = () => `reader-test-${++count}`;

async function listDatabases(): Promise<string[]> {
  return (await indexedDB.databases()).map((db) => db.name ?? '');
}

function deleteDatabase(name: string): Promise<string> {
  return new Promise((resolve) => {
    const request = indexedDB.deleteDatabase(name);
    request.onsuccess = () => resolve('deleted');
    request.onerror = () => resolve('error');
    request.onblocked = () => resolve('blocked');
  });
}

describe('readSavedIndexRecord', () => {
  it('reads the saved index the page wrote through Dexie', async () => {
    const name = freshName();
    const store = await openDexieStore({ name });
    await store.writeIndex(7, new Uint8Array([1, 2, 3]));
    const record = await readSavedIndexRecord(name);
    expect(record?.version).toBe(7);
    expect([...(record?.bytes ?? [])]).toEqual([1, 2, 3]);
    store.close();
  });

  it('answers nothing, and creates no database, when the database does not exist', async () => {
    const name = freshName();
    expect(await readSavedIndexRecord(name)).toBeUndefined();
    expect(await listDatabases()).not.toContain(name);
  });

  it('answers nothing when the cache holds no saved index', async () => {
    const name = freshName();
    const store = await openDexieStore({ name });
    expect(await readSavedIndexRecord(name)).toBeUndefined();
    store.close();
  });

  it('closes its connection: the database can be deleted right after a read', async () => {
    const name = freshName();
    const store = await openDexieStore({ name });
    await store.writeIndex(1, new Uint8Array([9]));
    store.close();
    await readSavedIndexRecord(name);
    expect(await deleteDatabase(name)).toBe('deleted');
  });
});

describe('local indexer: loadSaved', () => {
  const docs = [makeItem('a0000001', 'Summit in Minsk', 'Leaders met'), makeItem('a0000002', 'Drills in Armenia', 'Exercise')].map((item) => toSearchDoc(item, []));

  it('loads the index the cache saved and answers the same searches', async () => {
    const name = freshName();
    const built = createLocalIndexer();
    await built.rebuild(docs);
    const store = await openDexieStore({ name });
    await store.writeIndex(SEARCH_INDEX_VERSION, await built.serialize());
    const loaded = createLocalIndexer();
    expect(await loaded.loadSaved(name)).toBe(true);
    expect(loaded.size()).toBe(2);
    expect((await loaded.search('Minsk', {})).hits.map((h) => h.id)).toEqual(['a0000001']);
    store.close();
  });

  it('refuses a saved index of another version, a damaged one, or none', async () => {
    const name = freshName();
    const built = createLocalIndexer();
    await built.rebuild(docs);
    const store = await openDexieStore({ name });
    const indexer = createLocalIndexer();
    expect(await indexer.loadSaved(name)).toBe(false);
    await store.writeIndex(SEARCH_INDEX_VERSION + 1, await built.serialize());
    expect(await indexer.loadSaved(name)).toBe(false);
    await store.writeIndex(SEARCH_INDEX_VERSION, new TextEncoder().encode('not an index'));
    expect(await indexer.loadSaved(name)).toBe(false);
    expect(indexer.size()).toBe(0);
    store.close();
  });
});
