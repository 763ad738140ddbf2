// Word normalisation shared by indexing, querying, phrase matching and highlighting: one place, so a
// word is always turned into the same terms whichever path it takes.
import { newStemmer } from 'snowball-stemmers';

const russianStemmer = newStemmer('russian');

const CYRILLIC = /[\u0400-\u04ff]/;
const LATIN = /[a-z]/;

/** Lower-cases, composes (NFC) and folds ё→е, so "Ёлка" and "елка" are one word. */
export function normalizeWord(word: string): string {
  return word.normalize('NFC').toLowerCase().replace(/ё/g, 'е').replace(/['’]/g, '');
}

/** True when the (normalised) word holds a Cyrillic letter. */
export function isCyrillic(word: string): boolean {
  return CYRILLIC.test(word);
}

// Latin letters that look like Cyrillic ones: scraped Russian pages mix them inside words ("OДКБ").
const HOMOGLYPHS: Record<string, string> = {
  a: 'а', b: 'в', c: 'с', e: 'е', h: 'н', k: 'к', m: 'м', o: 'о', p: 'р', t: 'т', x: 'х', y: 'у',
};

/** Replaces Latin look-alike letters inside a mostly Cyrillic word by their Cyrillic twins. */
export function repairHomoglyphs(word: string): string {
  if (!isCyrillic(word) || !LATIN.test(word)) return word;
  return word.replace(/[a-z]/g, (ch) => HOMOGLYPHS[ch] ?? ch);
}

/** Russian Snowball stem of a normalised Cyrillic word. */
export function stemRussian(word: string): string {
  return russianStemmer.stem(word);
}

/**
 * Light English stemming (plural and possessive endings only). A full Porter stemmer would index
 * "security" as "secur", so "securit" typed so far would no longer be a prefix of anything.
 */
export function stemEnglish(word: string): string {
  if (word.length <= 3) return word;
  if (word.endsWith('ies') && word.length > 4) return `${word.slice(0, -3)}y`;
  if (/(ss|x|z|ch|sh)es$/.test(word)) return word.slice(0, -2);
  if (/[^su]s$/.test(word) && !word.endsWith('is')) return word.slice(0, -1);
  return word;
}

const CYRILLIC_TO_LATIN: Record<string, string> = {
  а: 'a', б: 'b', в: 'v', г: 'g', д: 'd', е: 'e', ж: 'zh', з: 'z', и: 'i', й: 'y', к: 'k', л: 'l',
  м: 'm', н: 'n', о: 'o', п: 'p', р: 'r', с: 's', т: 't', у: 'u', ф: 'f', х: 'kh', ц: 'ts',
  ч: 'ch', ш: 'sh', щ: 'shch', ъ: '', ы: 'y', ь: '', э: 'e', ю: 'yu', я: 'ya',
  // Kazakh, Kyrgyz, Tajik, Uzbek and Belarusian/Ukrainian letters seen in names.
  і: 'i', ї: 'i', є: 'e', ў: 'u', ә: 'a', ғ: 'g', қ: 'k', ң: 'n', ө: 'o', ұ: 'u', ү: 'u', һ: 'h',
  ҳ: 'h', ҷ: 'j', ӣ: 'i', ӯ: 'u', ґ: 'g',
};

const LATIN_TO_CYRILLIC: [RegExp, string][] = [
  [/shch|sch/g, 'щ'], [/zh|dzh|dj/g, 'ж'], [/kh/g, 'х'], [/ts|tz/g, 'ц'], [/ch/g, 'ч'], [/sh/g, 'ш'],
  [/yu|iu|ju/g, 'ю'], [/ya|ia|ja/g, 'я'], [/yo|jo/g, 'е'], [/ye|je/g, 'е'], [/(?<=[aeiouy])y/g, 'й'],
  [/y/g, 'ы'],
];
const LATIN_LETTER_TO_CYRILLIC: Record<string, string> = {
  a: 'а', b: 'б', c: 'к', d: 'д', e: 'е', f: 'ф', g: 'г', h: 'х', i: 'и', j: 'й', k: 'к', l: 'л',
  m: 'м', n: 'н', o: 'о', p: 'п', q: 'к', r: 'р', s: 'с', t: 'т', u: 'у', v: 'в', w: 'в', x: 'кс',
  z: 'з',
};

/** A rough Cyrillic spelling of a Latin word, good enough for the Russian stemmer to find its ending. */
export function transliterateToCyrillic(word: string): string {
  let out = word;
  for (const [pattern, replacement] of LATIN_TO_CYRILLIC) out = out.replace(pattern, replacement);
  return out.replace(/[a-z]/g, (ch) => LATIN_LETTER_TO_CYRILLIC[ch] ?? ch);
}

// Rewrites of the Latin spelling, in order, that merge the usual romanisation variants. Upper-case
// letters stand for sounds written with several Latin letters, so they never collide with a plain one.
const TRANSLIT_KEY_RULES: [RegExp, string][] = [
  [/shch|sch/g, 'W'], [/dzh|dj|zh|j/g, 'J'], [/tch|ch/g, 'Q'], [/sh/g, 'W'], [/kh|h/g, 'H'],
  [/^x/, 'H'], [/x/g, 'ks'], [/ts|tz/g, 'C'], [/yu/g, 'u'], [/iu/g, 'u'], [/ya/g, 'a'], [/ia/g, 'a'],
  [/yo|ye/g, 'e'], [/y/g, 'i'], [/(.)\1+/g, '$1'],
];

/**
 * The transliteration key of a normalised word: Cyrillic is romanised, then Latin variants are merged
 * (kh/h/x, zh/j, ts/tz, yu/iu, ya/ia, y/i, -ii/-iy/-y, doubled letters). "Serdyukov", "Serdiukov" and
 * "Сердюков" share the key "serdukov".
 */
export function toTranslitKey(word: string): string {
  let out = word.replace(/[\u0400-\u04ff]/g, (ch) => CYRILLIC_TO_LATIN[ch] ?? ch);
  out = out.normalize('NFD').replace(/\p{M}/gu, '');
  for (const [pattern, replacement] of TRANSLIT_KEY_RULES) out = out.replace(pattern, replacement);
  return out;
}
