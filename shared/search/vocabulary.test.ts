// Expansion of short prefixes: a one-letter word is cut to its most frequent terms, longer ones are not.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createSearchIndex } from './index';
import type { SearchDoc } from './index';
import { toPrimaryTerm, toQueryTermVariants } from './options';
import { expandQueryTerms, MAX_ONE_LETTER_EXPANSIONS, selectFirst } from './vocabulary';

// No c, h, j, s, x, y, z: the transliteration key reads digraphs (zh, ch…) as one letter.
const LETTERS = 'bdfgklmnprtvw';
const WORD_COUNT = MAX_ONE_LETTER_EXPANSIONS + 50;
// Distinct words starting "qz" ("qzbob", "qzboc"…); word i is in WORD_COUNT - i docs.
const WORDS = Array.from({ length: WORD_COUNT }, (_, i) => `qz${LETTERS[Math.floor(i / LETTERS.length)]}o${LETTERS[i % LETTERS.length]}`);

function makeDoc(id: string, text: string): SearchDoc {
  const tags = { state: [], organ: [], exercise: [], person: [] };
  return { id, title: 'Report', text, date: '2024-01-01', lang: 'en', tags, note: '', highlights: [], status: 'unread', collections: [] };
}

function buildIndex() {
  const docs = WORDS.map((_, k) => makeDoc(`d${k}`, WORDS.slice(0, WORD_COUNT - k).join(' ')));
  docs.push(makeDoc('rare', 'q'));
  return createSearchIndex(docs);
}

function expandToTerms(query: string): Set<string> {
  const index = buildIndex();
  const found = expandQueryTerms(index.inverted, toQueryTermVariants(query));
  return new Set([...found.keys()].map((id) => index.inverted.terms[id] as string));
}

describe('expandQueryTerms', () => {
  it('keeps only the exact term and the most frequent expansions of a one-letter word', () => {
    const terms = expandToTerms('q');
    expect(terms.size).toBe(MAX_ONE_LETTER_EXPANSIONS);
    expect(terms.has('q')).toBe(true);
    const kept = WORDS.slice(0, MAX_ONE_LETTER_EXPANSIONS - 1).map(toPrimaryTerm);
    expect(kept.every((term) => terms.has(term))).toBe(true);
    expect(terms.has(toPrimaryTerm(WORDS[WORD_COUNT - 1] as string))).toBe(false);
  });

  it('expands a two-letter prefix to every term beginning so', () => {
    const terms = expandToTerms('qz');
    expect(terms).toEqual(new Set(WORDS.map(toPrimaryTerm)));
    expect(terms.size).toBe(WORD_COUNT);
  });
});

describe('selectFirst', () => {
  it('keeps what a full sort would keep first, in the same order', () => {
    // Entries [weight, count, id] ordered as the cut orders terms: weight, then count, then id.
    const compare = (a: number[], b: number[]): number => (b[0] as number) - (a[0] as number) || (b[1] as number) - (a[1] as number) || (a[2] as number) - (b[2] as number);
    const entry = fc.tuple(fc.constantFrom(1, 0.6, 0.9, 0.54), fc.integer({ min: 0, max: 5 }));
    fc.assert(
      fc.property(fc.array(entry, { maxLength: 300 }), fc.integer({ min: 0, max: 120 }), (drawn, count) => {
        const entries = drawn.map(([weight, n], id) => [weight, n, id]);
        expect(selectFirst([...entries], count, compare)).toEqual([...entries].sort(compare).slice(0, count));
      }),
      { numRuns: 300 },
    );
  });
});
