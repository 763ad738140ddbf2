import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DecodeError, decodeBytes, decodeWindows1252, isBinary, sniffUtf16 } from './decode';
import { encodeSingleByte, encodeUtf16 } from './test-encoders';

const seedsDir = new URL('../../resources/seeds/', import.meta.url).pathname;
// A seed page without characters the single-byte Cyrillic tables lack (no-break spaces are fine).
const russian = readFileSync(`${seedsDir}ru/ru1.txt`, 'utf8').replace(/[«»–—]/g, '"');
const english = readFileSync(`${seedsDir}000_cd461175736abc75.txt`, 'utf8');

describe('decoding bytes', () => {
  it('reads strict UTF-8', () => {
    expect(decodeBytes(new TextEncoder().encode(russian))).toEqual({ text: russian, encoding: 'utf-8' });
  });

  it('strips a UTF-8 BOM', () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(english)]);
    expect(decodeBytes(bytes)).toEqual({ text: english, encoding: 'utf-8' });
  });

  it.each([
    ['le', true, 'utf-16le'],
    ['be', true, 'utf-16be'],
    ['le', false, 'utf-16le'],
    ['be', false, 'utf-16be'],
  ] as const)('reads UTF-16 %s (BOM: %s) despite its NUL bytes', (endian, bom, encoding) => {
    for (const text of [russian, english]) {
      expect(decodeBytes(encodeUtf16(text, endian, bom))).toEqual({ text, encoding });
    }
  });

  it.each(['windows-1251', 'koi8-r', 'ibm866'])('recognises Russian text in %s', (encoding) => {
    expect(decodeBytes(encodeSingleByte(russian, encoding))).toEqual({ text: russian, encoding });
  });

  it('reads English windows-1252 with accents and smart quotes as Latin, not Cyrillic', () => {
    const text = 'The “café” summit in Genève was attended by the CSTO Secretary General.';
    expect(decodeBytes(encodeSingleByte(text, 'windows-1252'))).toEqual({ text, encoding: 'windows-1252' });
  });

  it('maps the windows-1252 punctuation range that Node reads as C1 controls', () => {
    expect(decodeWindows1252(new Uint8Array([0x93, 0x41, 0x94, 0x80, 0x96]))).toBe('“A”€–');
  });

  it('is not fooled by a lying charset hint', () => {
    expect(decodeBytes(encodeSingleByte(russian, 'koi8-r'), 'windows-1251').encoding).toBe('koi8-r');
  });

  it('follows a truthful hint on a short ambiguous text', () => {
    expect(decodeBytes(encodeSingleByte('Привет, мир: ОДКБ', 'windows-1251'), 'windows-1251').text).toBe('Привет, мир: ОДКБ');
  });

  it('refuses binary files: signatures, NUL bytes, control bytes', () => {
    expect(() => decodeBytes(new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d, 0x31]))).toThrow(DecodeError);
    expect(isBinary(new Uint8Array([0x41, 0x00, 0x42, 0x43, 0x00, 0x00, 0x00, 0x07]))).toBe(true);
    expect(isBinary(Uint8Array.from({ length: 100 }, (_, i) => (i % 3 === 0 ? 1 : 65)))).toBe(true);
    expect(isBinary(new TextEncoder().encode('plain text\r\n\ttabbed'))).toBe(false);
  });

  it('reports binary with its reason', () => {
    try {
      decodeBytes(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a]));
      expect.unreachable();
    } catch (error) {
      expect((error as DecodeError).reason).toBe('binary');
    }
  });

  it('keeps UTF-8 with a few damaged bytes as UTF-8, the bad bytes becoming U+FFFD', () => {
    fc.assert(
      fc.property(fc.array(fc.nat({ max: russian.length - 1 }), { minLength: 1, maxLength: 4 }), (cuts) => {
        const at = [...new Set(cuts)].sort((a, b) => a - b);
        const parts = at.map((cut, i) => new TextEncoder().encode(russian.slice(i === 0 ? 0 : at[i - 1], cut)));
        const tail = new TextEncoder().encode(russian.slice(at[at.length - 1]));
        const bytes = Uint8Array.from([...parts.flatMap((part) => [...part, 0xff]), ...tail]);
        const decoded = decodeBytes(bytes);
        expect(decoded.encoding).toBe('utf-8');
        expect(decoded.text.replace(/\ufffd/g, '')).toBe(russian);
      }),
      { numRuns: 100 },
    );
  });

  it('still reads a single-byte Cyrillic page as such, not as damaged UTF-8', () => {
    expect(decodeBytes(encodeSingleByte(russian, 'windows-1251'))).toEqual({ text: russian, encoding: 'windows-1251' });
  });

  it('imports text with a few stray NUL bytes (removed) but refuses text full of them', () => {
    const damaged = new TextEncoder().encode(english.replace('CSTO', 'CS\u0000TO'));
    expect(decodeBytes(damaged).text).toBe(english);
    const riddled = new TextEncoder().encode(english.replace(/ /g, '\u0000'));
    expect(isBinary(riddled)).toBe(true);
  });

  it('does not take ASCII with a stray NUL for UTF-16', () => {
    expect(sniffUtf16(new TextEncoder().encode('hello world\u0000 and more text'))).toBeNull();
  });

  it('decodes any text written in UTF-8 back to itself', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', minLength: 1, maxLength: 200 }), (text) => {
        fc.pre(!/[\u0000-\u0008\u000e-\u001f\ufeff]/u.test(text));
        expect(decodeBytes(new TextEncoder().encode(text)).text).toBe(text);
      }),
      { numRuns: 300 },
    );
  });
});
