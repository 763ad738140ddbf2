import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createLocalIndexer } from '../search/local-indexer';
import { createMirrorController } from './mirror-controller';
import { AnnalsDb } from './schema';
import { FakeMain, makeItem } from './test-support';

let db: AnnalsDb;
let count = 0;
beforeEach(() => {
  db = new AnnalsDb(`test-controller-${++count}`);
});
afterEach(async () => {
  await db.delete();
});

function waitFor(check: () => boolean): Promise<void> {
  return new Promise((resolve) => {
    const poll = () => (check() ? resolve() : setTimeout(poll, 5));
    poll();
  });
}

describe('mirror controller', () => {
  it('rebuilds and saves the index on a first start, and reports a new generation', async () => {
    const main = new FakeMain();
    main.putItem(makeItem('b0000001', 'One', 'first text'));
    const controller = createMirrorController(db, main.call, createLocalIndexer(), 10_000);
    await controller.start();
    expect(controller.getStatus()).toBe('ready');
    expect(controller.getGeneration()).toBe(1);
    expect(await db.searchIndex.get('main')).toBeDefined();
  });

  it('coalesces sync requests made during a sync into one more sync', async () => {
    const main = new FakeMain();
    main.putItem(makeItem('b0000001', 'One', 'first text'));
    const controller = createMirrorController(db, main.call, createLocalIndexer(), 10_000);
    await controller.start();
    main.calls = [];
    main.putItem(makeItem('b0000002', 'Two', 'second text'));
    controller.requestSync();
    controller.requestSync();
    controller.requestSync();
    await waitFor(() => controller.getGeneration() === 2 && controller.getStatus() === 'ready');
    await new Promise((r) => setTimeout(r, 50));
    expect(main.calls.filter((c) => c.channel === 'archive:revisions')).toHaveLength(2);
    expect(main.requestedItemIds()).toEqual(['b0000002']);
  });

  it('defers saving the index after an edit until flushed, leaving none saved meanwhile', async () => {
    const main = new FakeMain();
    main.putItem(makeItem('b0000001', 'One', 'first text'));
    const controller = createMirrorController(db, main.call, createLocalIndexer(), 10_000);
    await controller.start();
    main.putItem(makeItem('b0000001', 'One edited', 'first text'));
    controller.requestSync();
    await waitFor(() => controller.getGeneration() === 2);
    expect(await db.searchIndex.get('main')).toBeUndefined();
    await controller.flushSave();
    expect(await db.searchIndex.get('main')).toBeDefined();
  });

  it('reports a failing main as an error with its message', async () => {
    const main = new FakeMain();
    const failing = async () => {
      throw new Error('main unreachable');
    };
    const controller = createMirrorController(db, failing as typeof main.call, createLocalIndexer(), 10_000);
    await controller.start();
    expect(controller.getStatus()).toBe('error');
    expect(controller.getError()).toBe('main unreachable');
  });
});
