import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CYRILLIC_THRESHOLD, detectLang } from './lang';

/** The plain definition: every code point tested with the Unicode letter class. */
function detectLangNaively(text: string): 'en' | 'ru' {
  let letters = 0;
  let cyrillic = 0;
  for (const ch of text) {
    if (!/\p{L}/u.test(ch)) continue;
    letters += 1;
    if (/[\u0400-\u04ff]/u.test(ch)) cyrillic += 1;
  }
  return letters > 0 && cyrillic / letters >= CYRILLIC_THRESHOLD ? 'ru' : 'en';
}

describe('detecting the page language', () => {
  it('reads a Russian page as ru even with Latin brand names', () => {
    expect(detectLang('Москва. 9 декабря. KAZAKHSTAN TODAY - Состоялось заседание рабочей группы.')).toBe('ru');
  });

  it('reads an English page with a Russian name as en', () => {
    expect(detectLang('The CSTO Secretary General met the press (пресс-служба) in Moscow today.')).toBe('en');
  });

  it('falls back to en for text without letters', () => {
    expect(detectLang('12.05.2024 — 13:40')).toBe('en');
  });

  it('counts a letter outside the BMP once and a lone surrogate as no letter', () => {
    expect(detectLang('ОДКБ 𝐀𝐁𝐂𝐃𝐄𝐅𝐆')).toBe('ru'); // 4 of 11 letters
    expect(detectLang('ОДКБ 𝐀𝐁𝐂𝐃𝐄𝐅𝐆𝐇𝐈𝐉')).toBe('en'); // 4 of 14
    expect(detectLang('Мир\ud835\ud835\ud835 ab')).toBe('ru');
  });

  it('agrees with the per-character definition on mixed scripts, marks and surrogates', () => {
    const pieces = fc.constantFrom('Москва', 'ё', 'Ѐ', '҂', '\u0483', 'ӿ', 'CSTO', 'é', 'e\u0301', '𝐀', '\ud835', '\udc00', '中文', '١٢', ' ', '—', '7');
    const text = fc.array(fc.oneof(pieces, fc.string({ unit: 'binary', maxLength: 4 })), { maxLength: 40 }).map((parts) => parts.join(''));
    fc.assert(fc.property(text, (sample) => detectLang(sample) === detectLangNaively(sample)), { numRuns: 400 });
  });
});
