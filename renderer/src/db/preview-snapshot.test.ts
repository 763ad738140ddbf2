import { describe, expect, it } from 'vitest';
import { createPreviewCache } from './preview-snapshot';
import { makeItem } from './test-support';

function makeStorage(): Pick<Storage, 'getItem' | 'setItem'> & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return { data, getItem: (key) => data.get(key) ?? null, setItem: (key, value) => void data.set(key, value) };
}

describe('preview cache', () => {
  it('keeps the newest items and the count between runs, with only the beginning of each text', () => {
    const storage = makeStorage();
    const long = makeItem('a0000001', 'Long', 'word '.repeat(500));
    createPreviewCache(storage).write({ total: 12, items: [long, makeItem('a0000002', 'Short', 'brief')] });
    const read = createPreviewCache(storage).read();
    expect(read?.total).toBe(12);
    expect(read?.items.map((i) => i.title)).toEqual(['Long', 'Short']);
    expect(read?.items[0]?.text.length).toBe(600);
  });

  it('reads nothing from a damaged, foreign or refusing storage, and never throws', () => {
    const storage = makeStorage();
    storage.data.set('annals:start-preview', '{not json');
    expect(createPreviewCache(storage).read()).toBeNull();
    storage.data.set('annals:start-preview', JSON.stringify({ format: 1, total: 3, items: [{ id: 'x' }] }));
    expect(createPreviewCache(storage).read()).toBeNull();
    const refusing = { getItem: () => null, setItem: () => { throw new DOMException('full', 'QuotaExceededError'); } };
    expect(() => createPreviewCache(refusing).write({ total: 1, items: [makeItem('a0000001', 'One', 'x')] })).not.toThrow();
    expect(createPreviewCache(null).read()).toBeNull();
  });
});
