import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { createDexieStore } from '../db/dexie-store';
import { createMemoryStore } from '../db/memory-store';
import { AnnalsDb } from '../db/schema';
import { loadView, parseSavedView, saveView } from './saved-view';

describe('saved view', () => {
  const view = { text: 'summit', filters: [{ key: 'state' as const, value: 'Armenia' }], range: { from: '2021-01', to: '2021-06' }, sort: 'date' as const };

  it('round-trips through the offline cache', async () => {
    const db = new AnnalsDb('test-saved-view');
    const store = createDexieStore(db);
    await saveView(store, view);
    expect(await loadView(store)).toEqual(view);
    await db.delete();
  });

  it('round-trips through the in-memory mirror while the cache is off', async () => {
    const store = createMemoryStore();
    expect(await loadView(store)).toBeNull();
    await saveView(store, view);
    expect(await loadView(store)).toEqual(view);
  });

  it('drops malformed parts of a stored view', () => {
    expect(parseSavedView({ text: 3, filters: [{ key: 'evil', value: 'x' }, { key: 'year', value: '2024' }], range: { from: '2021', to: 'x' }, sort: 'weird' })).toEqual({
      text: '',
      filters: [{ key: 'year', value: '2024' }],
      range: null,
      sort: 'relevance',
    });
    expect(parseSavedView('nope')).toBeNull();
  });
});
