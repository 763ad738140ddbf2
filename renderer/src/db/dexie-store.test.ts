import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { createDexieStore } from './dexie-store';
import { AnnalsDb } from './schema';

describe('dexie store: readRevisions', () => {
  it('reads every revision of a prefix across pages, and none of another prefix', async () => {
    const db = new AnnalsDb('dexie-store-test-revisions');
    await db.open();
    const items = Array.from({ length: 25 }, (_, i) => ({ key: `item:a${String(i).padStart(3, '0')}`, rev: `r${i}` }));
    await db.revisions.bulkPut([...items, { key: 'collection:c1', rev: 'x' }, { key: 'collection:c2', rev: 'y' }]);
    const store = createDexieStore(db, { revisionPage: 10 });
    const read = await store.readRevisions('item:');
    expect(read.size).toBe(25);
    expect(read.get('a000')).toBe('r0');
    expect(read.get('a024')).toBe('r24');
    expect(await store.readRevisions('collection:')).toEqual(new Map([['c1', 'x'], ['c2', 'y']]));
    // 25 at 5 a page: the last page is full, and the empty one after it ends the read.
    expect((await createDexieStore(db, { revisionPage: 5 }).readRevisions('item:')).size).toBe(25);
    await db.delete();
  });
});
