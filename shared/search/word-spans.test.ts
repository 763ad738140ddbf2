// The scan that finds the words of shown texts must find exactly what the word pattern matches.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { WORD_PATTERN } from './options';
import type { WordSpan } from './options';
import { scanWordSpans } from './word-spans';

function matchWordSpans(text: string): WordSpan[] {
  return [...text.matchAll(WORD_PATTERN)].map((match) => {
    const start = match.index ?? 0;
    return { word: match[0], start, end: start + match[0].length };
  });
}

// Characters where the two could part: apostrophes, marks, digits, scripts, astral letters and
// symbols, lone surrogates, spaces and punctuation.
const TRICKY = [..."'’`‘ -.,a Zé\u0301 5٣ ЁжҚ ӯ 中 \u200d\t\n", '𝒜', '😀', '\ud835', '\udc9c', '𐐀', '𝟘'];

describe('scanWordSpans', () => {
  it('finds the same words at the same offsets as the word pattern, on any text', () => {
    const pieces = fc.oneof(fc.constantFrom(...TRICKY), fc.string({ unit: 'binary', maxLength: 4 }));
    fc.assert(
      fc.property(fc.array(pieces, { maxLength: 40 }), (parts) => {
        const text = parts.join('');
        expect(scanWordSpans(text)).toEqual(matchWordSpans(text));
      }),
      { numRuns: 2000 },
    );
  });

  it('keeps inner apostrophes and drops trailing ones', () => {
    expect(scanWordSpans("CSTO's O’zbekiston rock' n'")).toEqual(matchWordSpans("CSTO's O’zbekiston rock' n'"));
    expect(scanWordSpans("CSTO's rock'").map((span) => span.word)).toEqual(["CSTO's", 'rock']);
  });
});
