// Duplicate detection for ingest (DESIGN §3 step 6): the same text seen on two pages, or a teaser whose
// text is the opening of a full article, must become one item. Pure functions on text.

/**
 * Shortest normalised teaser, in characters, that may be merged into an article: shorter openings
 * ("The CSTO Secretary General…") are shared by unrelated releases.
 */
export const MIN_OPENING_LENGTH = 80;

const QUOTES = /[«»„“”‟"'‘’‚‛`´]/g;
const DASHES = /[\u2010-\u2015\u2212-]/g;
// An ellipsis or "read more" marks a cut-off teaser; it is not part of the article's text.
const TRAILING_CUT = /(\s*(\.\.\.|…|\[…\]|\[\.\.\.\]|read more|подробнее|читать далее))+\s*$/iu;

/**
 * Folds the differences that do not make two texts different releases: Unicode form, letter case,
 * ё/е, quotes, dashes, whitespace (including no-break spaces) and a trailing ellipsis.
 */
export function normalizeForDedupe(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/ё/g, 'е')
    .replace(QUOTES, '')
    .replace(DASHES, '-')
    .replace(/\s+/gu, ' ')
    .replace(TRAILING_CUT, '')
    .trim();
}

/**
 * True when `teaser` is the opening of `article`: its normalised text is at least
 * MIN_OPENING_LENGTH characters long, strictly shorter than the article's, and a prefix of it.
 * A teaser cut mid-word ("«Взаимо") still matches.
 */
export function isOpeningOf(teaser: string, article: string): boolean {
  const head = normalizeForDedupe(teaser);
  const body = normalizeForDedupe(article);
  return head.length >= MIN_OPENING_LENGTH && head.length < body.length && body.startsWith(head);
}

/** The key under which a teaser and the article it opens meet: their first MIN_OPENING_LENGTH characters. */
export function openingKey(text: string): string | null {
  const normal = normalizeForDedupe(text);
  return normal.length >= MIN_OPENING_LENGTH ? normal.slice(0, MIN_OPENING_LENGTH) : null;
}
