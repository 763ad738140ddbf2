// Snippets: a window of the text around the densest cluster of matched words, with their ranges.
import { toIndexTerms, toPrimaryTerm, tokenizeWithOffsets } from './options';
import type { WordSpan } from './options';
import { scanWordOffsets, toWordSpans } from './word-spans';
import type { WordOffsets } from './word-spans';

export interface Snippet {
  text: string;
  /** [start, end) ranges into `text` of the words to highlight, in order, not overlapping. */
  highlights: [number, number][];
}

/** What matched in one doc: index terms of matched words, and phrases as primary-term sequences. */
export interface DocMatches {
  terms: Set<string>;
  phrases: string[][];
}

export const SNIPPET_LENGTH = 200;

function markSpans(spans: WordSpan[], matches: DocMatches): boolean[] {
  const marked = spans.map((span) => toIndexTerms(span.word).some((term) => matches.terms.has(term)));
  if (matches.phrases.length === 0) return marked;
  const primary = spans.map((span) => toPrimaryTerm(span.word));
  for (const phrase of matches.phrases) {
    for (let i = 0; i + phrase.length <= primary.length; i++) {
      if (phrase.every((term, k) => primary[i + k] === term)) phrase.forEach((_, k) => (marked[i + k] = true));
    }
  }
  return marked;
}

// Index of the marked word that starts the window holding the most marked words.
function findBestAnchor(words: WordOffsets, marked: boolean[], length: number): number {
  const { starts, ends } = words;
  const hits: number[] = [];
  for (let i = 0; i < words.count; i++) if (marked[i]) hits.push(i);
  let best = -1;
  let bestCount = 0;
  for (let a = 0; a < hits.length; a++) {
    const start = starts[hits[a] as number] as number;
    let count = 0;
    for (let b = a; b < hits.length && (ends[hits[b] as number] as number) - start <= length; b++) count++;
    if (count > bestCount) [best, bestCount] = [hits[a] ?? -1, count];
  }
  return best;
}

function chooseWindow(text: string, words: WordOffsets, anchor: number, length: number): [number, number] {
  if (text.length <= length) return [0, text.length];
  const { count, starts, ends } = words;
  const anchorAt = Math.max(anchor, 0);
  // Some context before the match, starting at a word.
  const desired = anchor < 0 || anchorAt >= count ? 0 : Math.max(0, (starts[anchorAt] as number) - Math.floor(length / 4));
  let first = 0;
  while (first < count && !((starts[first] as number) >= desired && (ends[first] as number) > desired)) first++;
  const start = desired === 0 || first === count ? 0 : (starts[first] as number);
  const limit = start + length;
  let end = start;
  for (let i = 0; i < count; i++) {
    if ((starts[i] as number) < start) continue;
    if ((ends[i] as number) > limit) break;
    end = ends[i] as number;
  }
  if (end === start) end = Math.min(text.length, limit);
  // Keep closing punctuation right after the last word ("…2024.").
  while (end < text.length && end < limit && /[.,;:!?»")\]]/.test(text[end] ?? '')) end++;
  return [start, end];
}

/** Builds a snippet of `source` for the doc's matches, or its beginning when nothing matched. */
export function buildSnippet(source: string, matches: DocMatches, length = SNIPPET_LENGTH): Snippet {
  const words = scanWordOffsets(source);
  return buildMarkedSnippet(source, words, markSpans(toWordSpans(source, words), matches), length);
}

/** Builds a snippet of `source` whose words (`words`, by place) are already marked as matched or not. */
export function buildMarkedSnippet(source: string, words: WordOffsets, marked: boolean[], length = SNIPPET_LENGTH): Snippet {
  const anchor = findBestAnchor(words, marked, length);
  const [start, end] = chooseWindow(source, words, anchor, length);
  let text = '';
  const ranges: [number, number][] = [];
  if (start > 0) text += '…';
  // Whitespace runs (paragraph breaks included) become one space; ranges follow the new offsets.
  let cursor = start;
  for (let i = 0; i < words.count; i++) {
    const wordStart = words.starts[i] as number;
    const wordEnd = words.ends[i] as number;
    if (wordStart < start || wordEnd > end) continue;
    const gap = source.slice(cursor, wordStart).replace(/\s+/g, ' ');
    text += text === '' || text === '…' ? gap.trimStart() : gap;
    if (marked[i]) ranges.push([text.length, text.length + wordEnd - wordStart]);
    text += source.slice(wordStart, wordEnd);
    cursor = wordEnd;
  }
  text += source.slice(cursor, end).replace(/\s+/g, ' ').trimEnd();
  if (end < source.length) text += '…';
  return { text, highlights: ranges };
}

/** True when a snippet built from `source` would highlight something. */
export function hasMatchIn(source: string, matches: DocMatches): boolean {
  return markSpans(tokenizeWithOffsets(source), matches).some(Boolean);
}

/** Wraps each highlighted range of the snippet in `open` … `close` (no escaping is done). */
export function formatSnippet(snippet: Snippet, open: string, close: string): string {
  let out = '';
  let cursor = 0;
  for (const [from, to] of snippet.highlights) {
    if (from < cursor) continue;
    out += snippet.text.slice(cursor, from) + open + snippet.text.slice(from, to) + close;
    cursor = to;
  }
  return out + snippet.text.slice(cursor);
}
