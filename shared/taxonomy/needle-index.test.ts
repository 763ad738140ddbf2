// The one-pass needle scan must report exactly the needles that `includes` finds, and the aligned
// character set must keep the promise that lets matchers try aliases only where a needle starts.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadDefaultTaxonomy, tagText } from '../taxonomy';
import { buildNeedleIndex, hasPresentNeedle, isAlignedText, listNeedleStarts, scanNeedles } from './needle-index';
import type { CompiledTaxonomy } from './types';

const taxonomy = loadDefaultTaxonomy();
const taxonomyNeedles = [...taxonomy.names.state, ...taxonomy.names.organ, ...taxonomy.names.person, ...taxonomy.series]
  .flatMap((entry) => entry.needles ?? []);
// Overlapping needles and needles that are prefixes of one another, regex syntax, surrogates.
const TRICKY = ['ab', 'abc', 'bc', 'aa', 'a.b', '(x)', 'x|y', '\\d', 'ё', '𝐀𝐁', 'ро', 'росси', 'российск'];

/** The same taxonomy with every text treated as not aligned: aliases are searched through the whole text. */
function withoutAlignment(compiled: CompiledTaxonomy): CompiledTaxonomy {
  return { ...compiled, needleIndex: { ...compiled.needleIndex, isAligned: false } };
}

describe('the needle index', () => {
  it('finds overlapping needles and needles inside words, with their offsets', () => {
    const index = buildNeedleIndex([['ab', 'abc'], ['bc'], null, ['росси']]);
    const scan = scanNeedles('xabcx белороссии ab', index);
    expect(Object.fromEntries(scan.present)).toEqual({ ab: [1, 17], abc: [1], bc: [2], росси: [10] });
    expect(listNeedleStarts(scan, ['bc', 'ab'])).toEqual([1, 2, 17]);
    expect(listNeedleStarts(scan, null)).toBeNull();
  });

  it('treats regex syntax in needles as plain text', () => {
    const index = buildNeedleIndex([['a.b', '(x)', 'x|y']]);
    expect([...scanNeedles('axb (x) x|y', index).present.keys()].sort()).toEqual(['(x)', 'x|y']);
  });

  it('lets an entry without needles through and an entry with absent needles not', () => {
    const scan = scanNeedles('Армения', buildNeedleIndex([['армени'], ['belarus']]));
    expect(hasPresentNeedle(scan, null)).toBe(true);
    expect(hasPresentNeedle(scan, ['армени', 'armeni'])).toBe(true);
    expect(hasPresentNeedle(scan, ['belarus'])).toBe(false);
  });

  it('reports exactly the needles the lower-cased text includes, on random texts with needles inserted', () => {
    const needles = [...new Set([...taxonomyNeedles, ...TRICKY])];
    const index = buildNeedleIndex([needles]);
    const pieces = fc.oneof(fc.constantFrom(...needles), fc.string({ maxLength: 4 }), fc.constantFrom(' ', 'A', 'Б', 'İ', '\ud835'));
    fc.assert(
      fc.property(fc.array(pieces, { maxLength: 30 }).map((parts) => parts.join('')), (text) => {
        const lower = text.toLowerCase();
        const expected = needles.filter((needle) => lower.includes(needle)).sort();
        expect([...scanNeedles(text, index).present.keys()].sort()).toEqual(expected);
      }),
      { numRuns: 1500 },
    );
  });

  it('does not align texts with characters whose case rules differ from lower-casing', () => {
    expect(isAlignedText('Армения, Belarus — «ОДКБ» № 5…')).toBe(true);
    for (const odd of ['\u017f', '\u0130', '\u212a', '\u1c80', '\u03a3', '\u00b5', '𝐀', 'e\u0301']) expect(isAlignedText(`Russia ${odd}`)).toBe(false);
  });

  it('aligns only characters that lower-case to one unit and match under `iu` exactly when they lower-case alike', () => {
    const aligned: string[] = [];
    for (let code = 0; code < 0x10000; code += 1) {
      const ch = String.fromCharCode(code);
      if (isAlignedText(ch)) aligned.push(ch);
    }
    const escape = (ch: string): string => ch.replace(/[\\^$.*+?()[\]{}|/]/g, '\\$&');
    for (const a of aligned) expect(a.toLowerCase()).toHaveLength(1);
    // A character without case (lower = upper = itself) folds to itself, so only cased ones can differ.
    for (const a of aligned.filter((ch) => ch.toLowerCase() !== ch.toUpperCase())) {
      const sameLetter = new RegExp(`^${escape(a)}$`, 'iu');
      const mismatches = aligned.filter((b) => sameLetter.test(b) !== (a.toLowerCase() === b.toLowerCase()));
      expect(mismatches, `U+${a.charCodeAt(0).toString(16)}`).toEqual([]);
    }
  });

  it('gives the same tags whether aliases are tried at needle offsets or searched through the text', () => {
    const plain = withoutAlignment(taxonomy);
    const pieces = fc.constantFrom(
      'Armenia', 'ARMENIAN', 'армянской', 'Армении', 'белороссии', 'РФ', 'рф', 'CSC', 'Collective Security Council',
      'OSCE Permanent Council', 'Permanent Council', 'Постоянного совета ОБСЕ', '«Взаимодействие-2024»', 'Interaction-2021',
      'Interaction', 'exercise', 'учения', 'Поиск', 'Канал', 'Tasmagambetov', 'Тасмагамбетова', 'UN Secretariat', 'Secretariat',
      'Russiaa', 'xRussia', '1Russia', ' ', '\n', '. ', ', ', '-', '«', '»', '"',
    );
    fc.assert(
      fc.property(fc.array(pieces, { maxLength: 25 }).map((parts) => parts.join(' ')), (text) => {
        expect(tagText(text, taxonomy)).toEqual(tagText(text, plain));
      }),
      { numRuns: 600 },
    );
  });
});
