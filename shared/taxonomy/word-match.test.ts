// matchWords must find exactly what matchAll finds with the start boundary inside the regex.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadDefaultTaxonomy } from '../taxonomy';
import { BEFORE_WORD, boundedAfter } from './alias-pattern';
import { isWordBefore, matchWords } from './word-match';

/** The reference: the pattern with the lookbehind in front, run with matchAll. */
function matchWithLookbehind(text: string, pattern: RegExp): [number, string][] {
  const reference = new RegExp(`${BEFORE_WORD}${pattern.source}`, pattern.flags);
  return [...text.matchAll(reference)].map((m) => [m.index, m[0]]);
}

function matchFast(text: string, pattern: RegExp): [number, string][] {
  return [...matchWords(text, pattern)].map((m) => [m.index, m[0]]);
}

const taxonomy = loadDefaultTaxonomy();
const entryPatterns = Object.values(taxonomy.names)
  .flat()
  .flatMap((entry) => [entry.insensitive, entry.sensitive, entry.not])
  .filter((pattern): pattern is RegExp => pattern !== null);
const seriesPatterns = taxonomy.series.flatMap((series) => [series.withYear, series.alone]);
// Small patterns that stress the loop: empty matches, digits, a letter outside the BMP.
const edgePatterns = ['(?:)', 'a?', '\\d+', '𝐀', 'x|xy', 'ab'].map((source) => new RegExp(boundedAfter(source), 'giu'));
const patterns = [...entryPatterns, ...seriesPatterns, ...edgePatterns];

const pieces = fc.constantFrom(
  'Armenia', 'армянской', 'Belarusian', 'РФ', 'CSC', 'Collective Security Council', 'Совета коллективной безопасности',
  'OSCE Permanent Council', 'Interaction-2024', 'Взаимодействие 2023', 'Tasmagambetov', 'UN Secretariat', 'Secretariat',
  'x', 'xy', 'ab', 'a', '7', '𝐀', '𝐀a', '\ud835', 'é', ' ', '\u00a0', '-', '«', '»', 'Ѐ', 'ё',
);
const text = fc.array(fc.oneof(pieces, fc.string({ maxLength: 3 })), { maxLength: 24 }).map((parts) => parts.join(''));

describe('whole-word matching with the start boundary checked in code', () => {
  it('sees a letter or digit before an index, a surrogate pair as one letter', () => {
    expect(isWordBefore('a b', 2)).toBe(false);
    expect(isWordBefore('ab', 1)).toBe(true);
    expect(isWordBefore('7b', 1)).toBe(true);
    expect(isWordBefore('𝐀b', 2)).toBe(true);
    expect(isWordBefore('\ud835b', 1)).toBe(false);
    expect(isWordBefore('b', 0)).toBe(false);
  });

  it('finds exactly the matches of the pattern with the lookbehind, for every taxonomy pattern', () => {
    fc.assert(
      fc.property(text, fc.constantFrom(...patterns), (sample, pattern) => {
        expect(matchFast(sample, pattern)).toEqual(matchWithLookbehind(sample, pattern));
      }),
      { numRuns: 3000 },
    );
  });

  it('gives the same matches when another search uses the regex between two steps', () => {
    const pattern = entryPatterns[0]!;
    const sample = 'Armenia, Armenian and Armenians; армянской Армении';
    const expected = matchWithLookbehind(sample, pattern);
    const found: [number, string][] = [];
    for (const m of matchWords(sample, pattern)) {
      found.push([m.index, m[0]]);
      [...matchWords('Armenia Armenia', pattern)];
    }
    expect(found).toEqual(expected);
  });
});
