// Turns cleaned text into a token stream for segmentation: date lines, paragraphs, and the
// classification of paragraphs (headline-like or body) that the segmenter's rules rely on.
import { hasTerminalPunctuation, isBoilerplateLine } from './boilerplate';
import { type ItemDate, type OwnDate, readDateLine, readOwnDateLine, splitLeadingDate } from './dates';
import { squeezeSpaces } from './spaces';

/** `isPrefix`: the ` date YYYY-MM-DD ` prefix of a stored page, which holds one story. */
export type Token = { kind: 'date'; date: OwnDate; isPrefix?: boolean } | { kind: 'para'; text: string };

/** Longest line that may still be a headline when only its shape speaks for it. */
export const WEAK_HEADLINE_MAX = 200;
/** Longest line that may be a headline when a date or a repeat confirms it. */
export const STRONG_HEADLINE_MAX = 320;

const BULLET = /^[•·▪■◦‣*–—-]\s/u;
const STARTS_LIKE_TITLE = /^[\p{Lu}\p{N}«"“„'‘]/u;

/** Joins a hard-wrapped line to the one before it (a long line cut mid-sentence, next starts lower-case). */
function isContinuation(previous: string, line: string): boolean {
  return previous.length >= 60 && !hasTerminalPunctuation(previous) && /^\p{Ll}/u.test(line) && !BULLET.test(previous);
}

/** Splits cleaned text into date and paragraph tokens. A paragraph is one (unwrapped) line. */
export function tokenize(cleaned: string): Token[] {
  const tokens: Token[] = [];
  let previousLine = '';
  for (const line of cleaned.split('\n')) {
    if (line.length === 0) {
      previousLine = '';
      continue;
    }
    const last = tokens[tokens.length - 1];
    if (last?.kind === 'para' && previousLine !== '' && isContinuation(previousLine, line)) {
      last.text = `${last.text} ${line}`;
      previousLine = line;
      continue;
    }
    previousLine = line;
    const date = readOwnDateLine(line);
    if (date) {
      tokens.push({ kind: 'date', date });
      continue;
    }
    const glued = splitLeadingDate(line);
    if (glued) {
      tokens.push({ kind: 'date', date: glued.date, ...(glued.isPrefix ? { isPrefix: true } : {}) });
      // a language switcher or label glued behind the prefix ("РУ") is chrome, not the story's start
      if (!isBoilerplateLine(glued.rest.trim())) tokens.push({ kind: 'para', text: glued.rest });
      continue;
    }
    tokens.push({ kind: 'para', text: line });
  }
  return tokens;
}

/** Shape of a headline: starts like a title, no closing punctuation, a few words, not a list entry. */
export function looksLikeHeadline(text: string, maxLength = WEAK_HEADLINE_MAX): boolean {
  if (text.length > maxLength || hasTerminalPunctuation(text) || BULLET.test(text)) return false;
  if (!STARTS_LIKE_TITLE.test(text) || /[,\-–—(]$/u.test(text)) return false;
  return text.split(/\s+/u).length >= 3;
}

/** A paragraph that reads as running text rather than as a heading. */
export function looksLikeBody(text: string): boolean {
  return hasTerminalPunctuation(text) || text.length > WEAK_HEADLINE_MAX;
}

/** Shortest cut-off repeat that still confirms a headline (characters, and share of the headline). */
const CUT_REPEAT_MIN = 20;
const CUT_REPEAT_SHARE = 0.5;

/**
 * If `text` repeats `title` (alone, with a date before/after it, or cut off — the page or the teaser
 * card ends mid-headline), the date or null; else undefined.
 */
export function readRepeat(title: string, text: string): { date: ItemDate | null } | undefined {
  const t = squeezeSpaces(title).trim();
  const x = squeezeSpaces(text).trim();
  if (x.length < t.length) return isCutRepeat(t, x) ? { date: null } : undefined;
  if (x.toLowerCase() === t.toLowerCase()) return { date: null };
  if (x.slice(0, t.length).toLowerCase() === t.toLowerCase()) {
    const date = readDateLine(x.slice(t.length));
    if (date) return { date };
  }
  if (x.slice(x.length - t.length).toLowerCase() === t.toLowerCase()) {
    const date = readDateLine(x.slice(0, x.length - t.length));
    if (date) return { date };
  }
  return undefined;
}

function isCutRepeat(title: string, text: string): boolean {
  if (text.length < CUT_REPEAT_MIN || text.length < title.length * CUT_REPEAT_SHARE) return false;
  return title.toLowerCase().startsWith(text.toLowerCase().replace(/(?:…|\.\.\.)$/u, ''));
}
