// Facet, year and month counts from the integer columns equal a naive count over the docs, for any
// subset of slots, after appends to a loaded index and after compaction.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FACETS } from '../model';
import { countFacets } from './facet-counts';
import type { FacetSummary } from './facet-counts';
import {
  addOrReplaceDoc,
  compactSearchIndex,
  createSearchIndex,
  loadSearchIndexBinary,
  removeDoc,
  serializeSearchIndexBinary,
} from './index';
import type { SearchDoc, SearchIndex } from './index';
import { createRandom, makeCorpus, makeDoc, makeVocabulary } from './random-corpus.fixture';

function countNaively(docs: SearchDoc[]): FacetSummary {
  const tally = (values: string[]): { value: string; count: number }[] => {
    const counts = new Map<string, number>();
    for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
    return [...counts].map(([value, count]) => ({ value, count })).sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));
  };
  const facets = {} as FacetSummary['facets'];
  for (const facet of FACETS) facets[facet] = tally(docs.flatMap((doc) => [...new Set(doc.tags[facet])]));
  facets.year = tally(docs.flatMap((doc) => (doc.date ? [doc.date.slice(0, 4)] : [])));
  const months = tally(docs.flatMap((doc) => (doc.date && doc.date.length >= 7 ? [doc.date.slice(0, 7)] : [])))
    .map(({ value, count }) => ({ month: value, count }))
    .sort((a, b) => (a.month < b.month ? -1 : 1));
  return { facets, months };
}

function liveSlots(index: SearchIndex): number[] {
  return [...index.inverted.alive.subarray(0, index.inverted.slotCount).keys()].filter((slot) => index.inverted.alive[slot] === 1);
}

describe('countFacets', () => {
  it('counts any subset of slots as a naive count over the docs, through loads, appends and compaction', () => {
    fc.assert(
      fc.property(fc.integer(), (seed) => {
        const random = createRandom(seed);
        const vocabulary = makeVocabulary(random);
        let index = createSearchIndex(makeCorpus(random, vocabulary, 30));
        if (random() < 0.5) index = loadSearchIndexBinary(serializeSearchIndexBinary(index));
        for (let step = 0; step < 15; step++) {
          const id = `doc-${Math.floor(random() * 40)}`;
          if (random() < 0.3) removeDoc(index, id);
          else addOrReplaceDoc(index, makeDoc(random, vocabulary, id));
          if (step === 10 && random() < 0.5) compactSearchIndex(index);
        }
        const subset = liveSlots(index).filter(() => random() < 0.6);
        const docs = subset.map((slot) => index.docs.getBySlot(slot) as SearchDoc);
        expect(countFacets(index.columns, Int32Array.from(subset))).toEqual(countNaively(docs));
      }),
      { numRuns: 40 },
    );
  });
});
