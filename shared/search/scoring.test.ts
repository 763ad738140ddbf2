// Scoring: a prefix's many terms summed block by block as term after term, and a phrase scored as
// the AND of its words, found only where its words follow each other.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createSearchIndex } from './index';
import type { SearchDoc } from './index';
import { findTermId } from './inverted-index';
import { toPrimaryTerm, toQueryTermVariants, tokenizeText } from './options';
import { createRandom, makeCorpus, makeVocabulary, pick } from './random-corpus.fixture';
import { releaseSlotScores, scorePhrase, scoreTerms } from './scoring';
import type { SlotScores } from './scoring';
import { expandQueryTerms } from './vocabulary';

function snapshot(scores: SlotScores): [number[], number[]] {
  return [[...scores.hit], [...scores.score]];
}

function hasPhrase(doc: SearchDoc, phrase: string[]): boolean {
  return [doc.title, doc.text, doc.note].some((text) => {
    const terms = tokenizeText(text).map((word) => toPrimaryTerm(word));
    return terms.some((_, i) => phrase.every((term, k) => terms[i + k] === term));
  });
}

describe('scoreTerms', () => {
  it('gives every slot the same score block by block as in one pass, to the last bit', () => {
    fc.assert(
      fc.property(fc.integer(), fc.integer({ min: 1, max: 9 }), (seed, block) => {
        const random = createRandom(seed);
        const vocabulary = makeVocabulary(random);
        const index = createSearchIndex(makeCorpus(random, vocabulary, 40));
        const prefix = pick(random, vocabulary).slice(0, 1 + Math.floor(random() * 2));
        const weights = expandQueryTerms(index.inverted, toQueryTermVariants(prefix));
        const whole = snapshot(scoreTerms(index.inverted, weights, 1 << 30));
        const blocked = snapshot(scoreTerms(index.inverted, weights, block));
        releaseSlotScores();
        expect(blocked).toEqual(whole);
      }),
      { numRuns: 40 },
    );
  });

  it('scores only the slots it is given, each exactly as when scoring every slot', () => {
    fc.assert(
      fc.property(fc.integer(), fc.integer({ min: 1, max: 9 }), (seed, block) => {
        const random = createRandom(seed);
        const vocabulary = makeVocabulary(random);
        const index = createSearchIndex(makeCorpus(random, vocabulary, 40));
        const prefix = pick(random, vocabulary).slice(0, 1 + Math.floor(random() * 3));
        const weights = expandQueryTerms(index.inverted, toQueryTermVariants(prefix));
        const within = Uint8Array.from({ length: index.inverted.slotCount }, () => (random() < 0.5 ? 1 : 0));
        const [wholeHits, wholeScores] = snapshot(scoreTerms(index.inverted, weights));
        const [hits, scores] = snapshot(scoreTerms(index.inverted, weights, block, within));
        releaseSlotScores();
        expect(hits).toEqual(wholeHits.map((hit, slot) => (within[slot] === 1 ? hit : 0)));
        expect(scores).toEqual(wholeScores.map((score, slot) => (within[slot] === 1 ? score : 0)));
      }),
      { numRuns: 40 },
    );
  });

  it('hands out cleared arrays after their search released them', () => {
    const random = createRandom(5);
    const vocabulary = makeVocabulary(random);
    const index = createSearchIndex(makeCorpus(random, vocabulary, 30));
    const weights = expandQueryTerms(index.inverted, toQueryTermVariants(vocabulary[0] ?? 'ka'));
    const first = snapshot(scoreTerms(index.inverted, weights));
    releaseSlotScores();
    const other = expandQueryTerms(index.inverted, toQueryTermVariants(vocabulary[1] ?? 'ro'));
    const expected = snapshot(scoreTerms(index.inverted, other));
    releaseSlotScores();
    scoreTerms(index.inverted, weights);
    releaseSlotScores();
    expect(snapshot(scoreTerms(index.inverted, other))).toEqual(expected);
    expect(first[0].some((hit) => hit === 1)).toBe(true);
    releaseSlotScores();
  });
});

describe('scorePhrase', () => {
  it('finds a phrase only in consecutive words and scores it as the sum of its words', () => {
    fc.assert(
      fc.property(fc.integer(), (seed) => {
        const random = createRandom(seed);
        const vocabulary = makeVocabulary(random);
        const docs = makeCorpus(random, vocabulary, 40);
        const index = createSearchIndex(docs);
        const words = tokenizeText(pick(random, docs).text);
        const at = Math.floor(random() * Math.max(1, words.length - 2));
        const terms = words.slice(at, at + 1 + Math.floor(random() * 3)).map((word) => toPrimaryTerm(word));
        if (terms.length === 0) return;
        const ids = Int32Array.from(terms, (term) => findTermId(index.inverted, term) ?? -1);
        const phrase = scorePhrase(index.inverted, ids);
        const expected = docs.filter((doc) => hasPhrase(doc, terms)).map((doc) => doc.id).sort();
        const found = [...phrase.hit.keys()].filter((slot) => phrase.hit[slot] === 1);
        expect(found.map((slot) => index.inverted.slotIds[slot]).sort()).toEqual(expected);
        const parts = [...ids].map((id) => scoreTerms(index.inverted, new Map([[id, 1]])).score);
        for (const slot of found) {
          expect(phrase.score[slot]).toBe(parts.reduce((sum, part) => sum + (part[slot] as number), 0));
        }
        releaseSlotScores();
      }),
      { numRuns: 40 },
    );
  });
});
