// Remembered word scores and facets, and words scored within an AND's slots: a query typed key by
// key, with words recalled and narrowed, gives exactly what a fresh index gives; any change to the
// docs forgets what was remembered.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { EvaluationContext } from './evaluate';
import { evaluateNode } from './evaluate';
import { addOrReplaceDoc, createSearchIndex, parseQuery, removeDoc, searchArchive } from './index';
import type { SearchDoc, SearchIndex } from './index';
import { toQueryTermVariants } from './options';
import { createRandom, makeCorpus, makeDoc, makeQuery, makeVocabulary, pick } from './random-corpus.fixture';
import { releaseSlotScores, scoreTerms } from './scoring';
import { expandQueryTerms } from './vocabulary';
import { forgetQueryCache } from './query-cache';

// The search as an index that never remembered a word would give it.
function searchCold(index: SearchIndex, query: string) {
  forgetQueryCache(index.inverted);
  const result = searchArchive(index, query, { limit: 10 });
  forgetQueryCache(index.inverted);
  return result;
}

// Every word in the corpus is in ~everything: the cache only keeps words whose postings are many.
function makeDenseCorpus(seed: number, size: number): { docs: SearchDoc[]; vocabulary: string[] } {
  const random = createRandom(seed);
  const vocabulary = makeVocabulary(random);
  return { docs: makeCorpus(random, vocabulary, size), vocabulary };
}

describe('remembered word scores and facets', () => {
  it('give every key of a typed query the results a fresh index gives', () => {
    fc.assert(
      fc.property(fc.integer(), (seed) => {
        const { docs, vocabulary } = makeDenseCorpus(seed, 60);
        const random = createRandom(seed ^ 0x77);
        const typed = createSearchIndex(docs);
        const fresh = createSearchIndex(docs);
        for (let q = 0; q < 4; q++) {
          const query = random() < 0.5 ? makeQuery(random, vocabulary, docs) : `${pick(random, vocabulary)} ${pick(random, vocabulary)}`;
          for (let end = 1; end <= query.length; end++) {
            const prefix = query.slice(0, end);
            expect({ prefix, result: searchArchive(typed, prefix, { limit: 10 }) }).toEqual({ prefix, result: searchCold(fresh, prefix) });
          }
        }
      }),
      { numRuns: 15 },
    );
  });

  it('are forgotten when a doc is added, replaced or removed', () => {
    const { docs, vocabulary } = makeDenseCorpus(11, 60);
    const random = createRandom(12);
    const index = createSearchIndex(docs);
    // '' and '"' hit every doc: their facets are remembered too.
    const queries = ['', '"', ...vocabulary.slice(0, 6).map((word) => word.slice(0, 1)), ...vocabulary.slice(0, 6)];
    const changes: ((current: SearchDoc[]) => SearchDoc[])[] = [
      (current) => [...current, makeDoc(random, vocabulary, 'added')],
      (current) => current.map((doc) => (doc.id === 'doc-3' ? makeDoc(random, vocabulary, 'doc-3') : doc)),
      (current) => current.filter((doc) => doc.id !== 'doc-5'),
    ];
    let current = docs;
    for (const change of changes) {
      for (const query of queries) searchArchive(index, query, { limit: 10 });
      const next = change(current);
      for (const doc of next) if (!current.includes(doc)) addOrReplaceDoc(index, doc);
      for (const doc of current) if (!next.some((other) => other.id === doc.id)) removeDoc(index, doc.id);
      current = next;
      const rebuilt = createSearchIndex(current);
      for (const query of queries) {
        expect({ query, result: searchArchive(index, query, { limit: 10 }) }).toEqual({ query, result: searchCold(rebuilt, query) });
      }
    }
  });
});

describe('words of an AND', () => {
  it('hit and score the slots every word hits as the sum of the words’ own scores, in order', () => {
    fc.assert(
      fc.property(fc.integer(), (seed) => {
        const { docs, vocabulary } = makeDenseCorpus(seed, 50);
        const random = createRandom(seed ^ 0x55);
        const index = createSearchIndex(docs);
        const words = Array.from({ length: 2 + Math.floor(random() * 2) }, () => pick(random, vocabulary).slice(0, 1 + Math.floor(random() * 4)));
        const parsed = parseQuery(words.join(' '));
        if (!parsed.ok) return;
        forgetQueryCache(index.inverted);
        const context: EvaluationContext = { inverted: index.inverted, columns: index.columns, recordedTerms: new Set(), recordedPhrases: [] };
        const found = evaluateNode(context, parsed.query, true);
        const hits = [...(found?.hit ?? [])];
        const scores = [...(found?.score ?? [])].map((score, slot) => (hits[slot] === 1 ? score : 0));
        releaseSlotScores();
        // Each word alone over every slot, then the AND by hand.
        const alone = words.map((word) => {
          const scored = scoreTerms(index.inverted, expandQueryTerms(index.inverted, toQueryTermVariants(word)));
          return { hit: [...scored.hit], score: [...scored.score] };
        });
        releaseSlotScores();
        const expectedHits = hits.map((_, slot) => (alone.every((part) => part.hit[slot] === 1) ? 1 : 0));
        const expectedScores = expectedHits.map((hit, slot) => (hit === 1 ? alone.reduce((sum, part) => sum + (part.score[slot] as number), 0) : 0));
        expect({ words, hits, scores }).toEqual({ words, hits: expectedHits, scores: expectedScores });
      }),
      { numRuns: 60 },
    );
  });
});
