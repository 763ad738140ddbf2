import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Item, emptyTags } from '../../shared/model';
import { MIN_OPENING_LENGTH, normalizeForDedupe, openingKey } from '../../shared/ingest/dedupe';
import { ItemIndex, computeDedupeKeys, contentId } from './item-index';

const OPENING = 'The CSTO Secretary General met with the Minister of Defence of the Kyrgyz Republic in Bishkek today';

function makeItem(id: string, text: string, title = 'Title'): Item {
  return {
    id, title, isTitleDerived: false, date: null, datePrecision: null, lang: 'en', text, sources: [],
    autoTags: emptyTags(), curator: { added: emptyTags(), rejected: emptyTags() }, note: '', highlights: [],
    status: 'unread', imported: '2026-01-01T00:00:00.000Z', updated: '2026-01-01T00:00:00.000Z',
  };
}

const keysOf = (item: Item) => computeDedupeKeys(item.text, item.title);

describe('the item index', () => {
  it('computes both keys as contentId and openingKey do, normalising once', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), fc.option(fc.string({ maxLength: 20 })), (text, title) => {
        expect(computeDedupeKeys(text, title)).toEqual({ content: contentId(text, title), opening: openingKey(text) });
      }),
    );
  });

  it('finds items put without keys by content and by opening once asked', () => {
    const index = new ItemIndex();
    const article = makeItem('a', `${OPENING}. The parties discussed the joint exercise.`);
    index.put(article, 'items/a.md');
    expect(index.unkeyedCount).toBe(1);
    expect(index.findByContent(keysOf(makeItem('x', `  ${article.text.toUpperCase()} `)))?.item.id).toBe('a');
    expect(index.unkeyedCount).toBe(0);
    expect(index.findByOpening(keysOf(makeItem('t', `${OPENING}…`))).map((entry) => entry.item.id)).toEqual(['a']);
  });

  it('keeps an item\'s keys when it changes without changing its text', () => {
    const index = new ItemIndex();
    const item = makeItem('a', OPENING);
    index.put(item, 'items/a.md', keysOf(item));
    index.put({ ...item, note: 'checked', status: 'reviewed' }, 'items/a.md');
    expect(index.unkeyedCount).toBe(0);
    index.put({ ...item, text: `${OPENING} and more` }, 'items/a.md');
    expect(index.unkeyedCount).toBe(1);
    expect(index.findByContent(keysOf(item))).toBeUndefined();
  });

  it('keys every item in slices, items put meanwhile included, and shares one run between callers', async () => {
    const index = new ItemIndex();
    for (let i = 0; i < 3000; i += 1) index.put(makeItem(`i${i}`, `Release number ${i}: ${OPENING}`), null);
    let turns = 0;
    const ticking = setInterval(() => (turns += 1), 0);
    const first = index.keyAllInSlices();
    index.put(makeItem('late', `A late release: ${OPENING}`), null);
    const second = index.keyAllInSlices();
    await Promise.all([first, second]);
    clearInterval(ticking);
    expect(turns).toBeGreaterThan(0);
    expect(index.unkeyedCount).toBe(0);
    expect(index.findByContent(keysOf(makeItem('q', `a late release: ${OPENING}`)))?.item.id).toBe('late');
    expect(index.findByOpening(keysOf(makeItem('q', `Release number 7: ${OPENING}`))).map((e) => e.item.id)).toContain('i7');
    console.log(`[item-index-keying] items=3001 event-loop-turns-while-keying=${turns}`);
  });

  it('answers as an index keyed at once would, whatever the order of puts, removals and lookups', () => {
    const words = ['csto', 'kyrgyz', 'exercise', 'ёлка', 'елка', '«quote»', 'read more', '…'];
    const text = fc.array(fc.constantFrom(...words), { maxLength: 40 }).map((parts) => parts.join(' '));
    const op = fc.oneof(
      fc.record({ kind: fc.constant('put' as const), id: fc.integer({ min: 0, max: 5 }), text, withKeys: fc.boolean() }),
      fc.record({ kind: fc.constant('remove' as const), id: fc.integer({ min: 0, max: 5 }) }),
      fc.record({ kind: fc.constant('find' as const), text }),
      fc.record({ kind: fc.constant('slices' as const) }),
    );
    return fc.assert(
      fc.asyncProperty(fc.array(op, { maxLength: 30 }), async (ops) => {
        const lazy = new ItemIndex();
        // The reference: what the index did before keys were lazy (keys computed at every put).
        const eager = new Map<string, Item>();
        for (const step of ops) {
          if (step.kind === 'put') {
            const item = makeItem(`i${step.id}`, step.text);
            lazy.put(item, null, step.withKeys ? keysOf(item) : undefined);
            eager.set(item.id, item);
          } else if (step.kind === 'remove') {
            lazy.remove(`i${step.id}`);
            eager.delete(`i${step.id}`);
          } else if (step.kind === 'slices') {
            await lazy.keyAllInSlices();
          } else {
            const keys = keysOf(makeItem('q', step.text));
            const sameContent = [...eager.values()].filter((item) => keysOf(item).content === keys.content).map((item) => item.id);
            const found = lazy.findByContent(keys)?.item.id;
            if (sameContent.length === 0) expect(found).toBeUndefined();
            else expect(sameContent).toContain(found);
            const normal = normalizeForDedupe(step.text);
            const opening = normal.length >= MIN_OPENING_LENGTH ? normal.slice(0, MIN_OPENING_LENGTH) : null;
            const sharing = opening === null ? [] : [...eager.values()].filter((item) => keysOf(item).opening === opening).map((item) => item.id);
            expect(lazy.findByOpening(keys).map((entry) => entry.item.id).sort()).toEqual(sharing.sort());
          }
        }
      }),
      { numRuns: 200 },
    );
  });
});
