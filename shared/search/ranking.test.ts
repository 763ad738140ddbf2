// The page selection: the rank shortcut and the bounded heap pick exactly what a full sort would.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createDocColumns } from './doc-columns';
import { createSlotComparator, createSlotRank, selectTopSlots } from './ranking';
import type { SortOrder } from './ranking';

describe('selectTopSlots', () => {
  it('selects the same page with the rank shortcut as by sorting every hit', () => {
    const slotArbitrary = fc.record({ score: fc.integer({ min: 0, max: 6 }), date: fc.integer({ min: 0, max: 5 }) });
    fc.assert(
      fc.property(
        fc.array(slotArbitrary, { minLength: 1, maxLength: 300 }),
        fc.integer({ min: 1, max: 30 }),
        fc.constantFrom<SortOrder>('relevance', 'date', 'date-asc'),
        (slots, count, sort) => {
          const columns = createDocColumns();
          const scores = Float64Array.from(slots, (slot) => slot.score / 3);
          // Few distinct values, so ties on score and date are common; 0 is undated.
          slots.forEach((slot, i) => (columns.dateKeys[i] = slot.date * 1000));
          const ids = slots.map((_, i) => `id-${(i * 7919) % 1009}-${i}`);
          const compare = createSlotComparator(columns, ids, scores, sort);
          const hits = Int32Array.from(slots.keys()).filter((slot) => slot % 3 !== 1);
          const expected = [...hits].sort(compare).slice(0, count);
          expect(selectTopSlots(hits, count, compare, createSlotRank(columns, scores, sort))).toEqual(expected);
          expect(selectTopSlots(hits, count, compare)).toEqual(expected);
        },
      ),
      { numRuns: 150 },
    );
  });
});
