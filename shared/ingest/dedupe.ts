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
  const known = recentLong.get(text);
  if (known !== undefined) return known;
  const folded = text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/ё/g, 'е')
    .replace(QUOTES, '')
    .replace(DASHES, '-')
    .replace(/\s+/gu, ' ');
  const normal = stripTrailingCut(folded).trim();
  if (text.length >= LONG_TEXT) rememberLong(text, normal);
  return normal;
}

// The trailing-cut pattern is tried only on the tail: run over a whole 5 MB text it costs a regex
// attempt per character. A run of cut marks longer than the tail is not a teaser's ending anyway.
const CUT_TAIL = 400;

function stripTrailingCut(text: string): string {
  const at = Math.max(0, text.length - CUT_TAIL);
  return text.slice(0, at) + text.slice(at).replace(TRAILING_CUT, '');
}

// Import asks for the same long text's normal form several times (index key, teaser checks); the
// last few long ones are kept so a 5 MB text is folded once, not once per question.
const LONG_TEXT = 20_000;
const recentLong = new Map<string, string>();

function rememberLong(text: string, normal: string): void {
  if (recentLong.size >= 2) recentLong.delete(recentLong.keys().next().value!);
  recentLong.set(text, normal);
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
