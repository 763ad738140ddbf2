// The whitespace helpers must give exactly what the plain regex replacements give.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { squeezeSpaces, stripEdges } from './spaces';

const SPACES = [' ', '  ', '\u00a0', '\t', '\n', '\r\n', '\u2028', '\u3000', '\u200a', '\ufeff', '\u180e'];
const DECORATION = ['•', '·', '►', '»', '«', '<', '>', '→', '|', '*', '-', ':', '*_', '[', ']', '(', ')'];
const text = fc
  .array(fc.oneof(fc.constantFrom(...SPACES, ...DECORATION, 'a', 'Слово', '𝐀', '\ud835'), fc.string({ maxLength: 3 })), { maxLength: 20 })
  .map((parts) => parts.join(''));

describe('whitespace helpers', () => {
  it('squeezes every whitespace run to one space', () => {
    expect(squeezeSpaces('a \u00a0 b\tc  d e')).toBe('a b c d e');
  });

  it('squeezes exactly as replacing every run does', () => {
    fc.assert(
      fc.property(text, (sample) => {
        expect(squeezeSpaces(sample)).toBe(sample.replace(/[\s\u00a0]+/gu, ' '));
      }),
      { numRuns: 2000 },
    );
  });

  it('strips the edges exactly as the anchored replacement does', () => {
    const cases: [RegExp, RegExp, RegExp][] = [
      [/[\s\u00a0•·►▶▸»«<>←→|*-]/u, /[\s\u00a0•·►▶▸»«<>←→|*:-]/u, /^[\s\u00a0•·►▶▸»«<>←→|*-]+|[\s\u00a0•·►▶▸»«<>←→|*:-]+$/gu],
      [/[\s\u00a0*_[(]/, /[\s\u00a0*_\])]/, /^[\s\u00a0*_[(]+|[\s\u00a0*_\])]+$/g],
    ];
    fc.assert(
      fc.property(text, fc.constantFrom(...cases), (sample, [before, after, reference]) => {
        expect(stripEdges(sample, before, after)).toBe(sample.replace(reference, ''));
      }),
      { numRuns: 2000 },
    );
  });
});
