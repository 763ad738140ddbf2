// The words of a text with their offsets, found by a scan of its code units instead of a Unicode
// regular expression: the same words as WORD_PATTERN (letters, marks and digits, with inner
// apostrophes), at a fraction of the cost. Snippets tokenise every shown text (40 per keystroke).
import type { WordSpan } from './options';

const WORD_CHAR = /^[\p{L}\p{M}\p{N}]$/u;
const UNKNOWN = 0;
const IS_WORD = 1;
const NOT_WORD = 2;
// Class of each code unit of the Basic Multilingual Plane, learnt from WORD_CHAR as they are met.
const unitClasses = new Uint8Array(0x10000);
// Class of code points beyond it (surrogate pairs), likewise.
const astralClasses = new Map<number, boolean>();

function isWordUnit(unit: number): boolean {
  let known = unitClasses[unit] as number;
  if (known === UNKNOWN) {
    // A lone surrogate is a code point of its own, in no letter class.
    known = WORD_CHAR.test(String.fromCharCode(unit)) ? IS_WORD : NOT_WORD;
    unitClasses[unit] = known;
  }
  return known === IS_WORD;
}

function isWordAstral(point: number): boolean {
  let known = astralClasses.get(point);
  if (known === undefined) {
    known = WORD_CHAR.test(String.fromCodePoint(point));
    astralClasses.set(point, known);
  }
  return known;
}

// Length in code units of the word character at `at` (1, or 2 for a surrogate pair), 0 if none.
function wordCharLength(text: string, at: number): number {
  const unit = text.charCodeAt(at);
  if (unit >= 0xd800 && unit <= 0xdbff && at + 1 < text.length) {
    const low = text.charCodeAt(at + 1);
    if (low >= 0xdc00 && low <= 0xdfff) return isWordAstral(((unit - 0xd800) << 10) + (low - 0xdc00) + 0x10000) ? 2 : 0;
  }
  return isWordUnit(unit) ? 1 : 0;
}

const APOSTROPHE = 0x27;
const RIGHT_QUOTE = 0x2019;

// End of the run of word characters starting at `at` (at itself when there is none).
function skipWordChars(text: string, at: number): number {
  let end = at;
  for (let step = wordCharLength(text, end); step > 0; step = wordCharLength(text, end)) end += step;
  return end;
}

/** The words of a text by place: word i is `text.slice(starts[i], ends[i])`. */
export interface WordOffsets {
  count: number;
  starts: Int32Array;
  ends: Int32Array;
}

// Offsets of the text being scanned, grown as needed; each scan's result is a copy of its part.
let scratchStarts = new Int32Array(1024);
let scratchEnds = new Int32Array(1024);

function pushWord(count: number, start: number, end: number): void {
  if (count === scratchStarts.length) {
    const starts = new Int32Array(count * 2);
    const ends = new Int32Array(count * 2);
    starts.set(scratchStarts);
    ends.set(scratchEnds);
    [scratchStarts, scratchEnds] = [starts, ends];
  }
  scratchStarts[count] = start;
  scratchEnds[count] = end;
}

/**
 * The places of a text's words, exactly those of the matches of WORD_PATTERN
 * (`[\p{L}\p{M}\p{N}]+(?:['’][\p{L}\p{M}\p{N}]+)*`) along the text, without a string or an
 * object per word: a snippet needs the words themselves only around the part it shows.
 */
export function scanWordOffsets(text: string): WordOffsets {
  let count = 0;
  let at = 0;
  while (at < text.length) {
    const step = wordCharLength(text, at);
    if (step === 0) {
      at++;
      continue;
    }
    const start = at;
    let end = skipWordChars(text, at + step);
    for (;;) {
      const unit = text.charCodeAt(end);
      if (unit !== APOSTROPHE && unit !== RIGHT_QUOTE) break;
      const after = skipWordChars(text, end + 1);
      if (after === end + 1) break; // an apostrophe not followed by a word character ends the word
      end = after;
    }
    pushWord(count++, start, end);
    at = end;
  }
  return { count, starts: scratchStarts.slice(0, count), ends: scratchEnds.slice(0, count) };
}

/** The words at the given places, with their text. */
export function toWordSpans(text: string, words: WordOffsets): WordSpan[] {
  const spans: WordSpan[] = [];
  for (let i = 0; i < words.count; i++) {
    const start = words.starts[i] as number;
    const end = words.ends[i] as number;
    spans.push({ word: text.slice(start, end), start, end });
  }
  return spans;
}

/** Splits a text into words with their offsets, exactly as matching WORD_PATTERN along the text would. */
export function scanWordSpans(text: string): WordSpan[] {
  return toWordSpans(text, scanWordOffsets(text));
}
