import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseQuery } from '../shared/search';
import { generateItems } from './generate';
import { measureEditDistances } from './reference';
import { QUERY_MIX, generateQueries, misspellWord, truncateWord } from './queries';
import { createRandom } from './random';

const items = generateItems(100, 3);

describe('generateQueries', () => {
  it('draws the documented mix of query kinds', () => {
    const queries = generateQueries(items, 200, 3);
    expect(queries).toHaveLength(200);
    for (const [kind, share] of Object.entries(QUERY_MIX)) {
      expect(queries.filter((query) => query.kind === kind)).toHaveLength(Math.round(200 * share));
    }
  });

  it('gives the same queries for the same seed', () => {
    expect(generateQueries(items, 50, 3)).toEqual(generateQueries(items, 50, 3));
  });

  it('keeps the requested count for small counts', () => {
    for (const count of [0, 1, 3, 7]) expect(generateQueries(items, count, 3)).toHaveLength(count);
  });

  it('writes queries the query language accepts', () => {
    for (const query of generateQueries(items, 200, 3)) expect(parseQuery(query.text).ok).toBe(true);
  });
});

describe('typing helpers', () => {
  const word = fc.stringMatching(/^[a-zа-я]{5,12}$/);

  it('truncates a word to a shorter prefix of it', () => {
    fc.assert(
      fc.property(word, fc.integer(), (text, seed) => {
        const typed = truncateWord(createRandom(seed), text);
        expect(text.startsWith(typed)).toBe(true);
        expect(typed.length).toBeGreaterThanOrEqual(2);
        expect(typed.length).toBeLessThan(text.length);
      }),
    );
  });

  it('misspells a word by one slip, keeping its first letter', () => {
    fc.assert(
      fc.property(word, fc.integer(), (text, seed) => {
        const typo = misspellWord(createRandom(seed), text);
        expect(typo[0]).toBe(text[0]);
        // A swap of two letters is two edits for Levenshtein.
        expect(measureEditDistances(typo, text).whole).toBeLessThanOrEqual(2);
      }),
    );
  });
});
