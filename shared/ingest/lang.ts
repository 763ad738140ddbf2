// Page language from its letters: Russian when Cyrillic letters are a substantial share.
import type { Lang } from '../model';

/** Share of Cyrillic among letters above which a text counts as Russian. */
export const CYRILLIC_THRESHOLD = 0.3;

// Sampling bounds the cost on huge pages; 200k characters is plenty to decide.
const SAMPLE_LENGTH = 200_000;
const LETTER = /\p{L}/u;
// Whether a BMP code unit is a letter, filled in as units are met: a regex test per character was
// a fifth of a page's parse time. 0 = not known yet, 1 = no letter, 2 = letter.
const letterUnits = new Uint8Array(0x10000);

function isLetterUnit(code: number): boolean {
  if (code < 0x80) return ((code | 0x20) - 0x61) >>> 0 < 26; // ASCII: a-z, A-Z
  if (letterUnits[code] === 0) letterUnits[code] = LETTER.test(String.fromCharCode(code)) ? 2 : 1;
  return letterUnits[code] === 2;
}

function isSurrogatePair(text: string, i: number, end: number): boolean {
  const code = text.charCodeAt(i);
  if (code < 0xd800 || code > 0xdbff || i + 1 >= end) return false;
  const next = text.charCodeAt(i + 1);
  return next >= 0xdc00 && next <= 0xdfff;
}

/** Detects en/ru from the ratio of Cyrillic letters to all letters; English when there are none. */
export function detectLang(text: string): Lang {
  let letters = 0;
  let cyrillic = 0;
  const end = Math.min(text.length, SAMPLE_LENGTH);
  for (let i = 0; i < end; i += 1) {
    if (isSurrogatePair(text, i, end)) {
      // A letter outside the BMP (never Cyrillic) counts once; a lone surrogate is no letter.
      if (LETTER.test(text.slice(i, i + 2))) letters += 1;
      i += 1;
      continue;
    }
    const code = text.charCodeAt(i);
    if (!isLetterUnit(code)) continue;
    letters += 1;
    if (code >= 0x400 && code <= 0x4ff) cyrillic += 1;
  }
  return letters > 0 && cyrillic / letters >= CYRILLIC_THRESHOLD ? 'ru' : 'en';
}
