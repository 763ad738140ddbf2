import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { AnnalsDb } from '../db/schema';
import { loadView, parseSavedView, saveView } from './saved-view';

describe('saved view', () => {
  it('round-trips through the uiState table', async () => {
    const db = new AnnalsDb('test-saved-view');
    const view = { text: 'summit', filters: [{ key: 'state' as const, value: 'Armenia' }], range: { from: '2021-01', to: '2021-06' }, sort: 'date' as const };
    await saveView(db, view);
    expect(await loadView(db)).toEqual(view);
    await db.delete();
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
