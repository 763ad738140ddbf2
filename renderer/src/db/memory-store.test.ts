import { describe, expect, it } from 'vitest';
import { createMemoryStore } from './memory-store';
import { makeCollection, makeItem } from './test-support';

const settle = () => new Promise((r) => setTimeout(r, 0));

describe('memory store', () => {
  it('re-runs an observed query once per batch of writes, and stops when asked', async () => {
    const store = createMemoryStore();
    const seen: (string | undefined)[] = [];
    const stop = store.observe(async (s) => (await s.getItem('c0000001'))?.title, (title) => seen.push(title), () => undefined);
    await settle();
    await store.writeChanges({
      items: [makeItem('c0000001', 'First', 'x'), makeItem('c0000002', 'Second', 'y')],
      removedItems: [],
      collections: [makeCollection('brief', 'Brief', ['c0000001'])],
      removedCollections: [],
      revisions: [{ key: 'item:c0000001', rev: 'r1' }],
      removedRevisions: [],
    });
    await store.putItems([makeItem('c0000001', 'Renamed', 'x')]);
    await settle();
    stop();
    await store.putItems([makeItem('c0000001', 'After stop', 'x')]);
    await settle();
    expect(seen).toEqual([undefined, 'Renamed']);
    expect(await store.readRevisions('item:')).toEqual(new Map([['c0000001', 'r1']]));
    expect((await store.getItems(['c0000002', 'missing', 'c0000001'])).map((i) => i.title)).toEqual(['Second', 'After stop']);
  });

  it('reads the newest items first, undated last, up to the limit, with the whole count', async () => {
    const store = createMemoryStore();
    await store.putItems([
      makeItem('c0000001', 'Old', 'x', '2020-01-01'),
      makeItem('c0000002', 'Undated', 'x', null),
      makeItem('c0000003', 'New', 'x', '2024-03-01'),
      makeItem('c0000004', 'Middle', 'x', '2022'),
    ]);
    const newest = await store.readNewestItems(3);
    expect(newest.total).toBe(4);
    expect(newest.items.map((i) => i.title)).toEqual(['New', 'Middle', 'Old']);
    expect((await store.readNewestItems(10)).items.map((i) => i.title)).toEqual(['New', 'Middle', 'Old', 'Undated']);
  });

  it('forgets the saved index whenever a sync writes records', async () => {
    const store = createMemoryStore();
    await store.writeIndex(1, new Uint8Array([1]));
    expect(await store.readIndex()).toMatchObject({ version: 1 });
    await store.writeChanges({ items: [], removedItems: [], collections: [], removedCollections: [], revisions: [], removedRevisions: [] });
    expect(await store.readIndex()).toBeUndefined();
  });
});
