// Page language from its letters: Russian when Cyrillic letters are a substantial share.
import type { Lang } from '../model';

/** Share of Cyrillic among letters above which a text counts as Russian. */
export const CYRILLIC_THRESHOLD = 0.3;

/** Detects en/ru from the ratio of Cyrillic letters to all letters; English when there are none. */
export function detectLang(text: string): Lang {
  let letters = 0;
  let cyrillic = 0;
  // Sampling bounds the cost on huge pages; 200k characters is plenty to decide.
  const sample = text.length > 200_000 ? text.slice(0, 200_000) : text;
  for (const ch of sample) {
    if (/\p{L}/u.test(ch)) {
      letters += 1;
      if (/[\u0400-\u04ff]/u.test(ch)) cyrillic += 1;
    }
  }
  return letters > 0 && cyrillic / letters >= CYRILLIC_THRESHOLD ? 'ru' : 'en';
}
