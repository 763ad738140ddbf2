// The hits of the returned page, with snippets. Matched words are found through each slot's stored
// term sequence (the ids of its words' primary terms), so a snippet costs one tokenisation of the
// shown text and no stemming, except for Cyrillic words reached through their Latin key.
import type { EvaluationContext, RecordedPhrase } from './evaluate';
import { FIELD_BREAK, findTermId, listRange, readSequence } from './inverted-index';
import type { InvertedIndex } from './inverted-index';
import { isCyrillic, normalizeWord, repairHomoglyphs, toTranslitKey } from './normalize';
import { scanWordOffsets } from './word-spans';
import type { WordOffsets } from './word-spans';
import type { ShownDoc } from './query-cache';
import type { SearchDoc } from './search-doc';
import { buildMarkedSnippet, buildSnippet } from './snippet';
import type { Snippet } from './snippet';

/** What the page's words are compared with: the recorded terms, as ids too. */
export interface PageMarking {
  /** 1 at the id of each recorded term (an array lookup per word, where a set lookup cost more). */
  isRecordedId: Uint8Array;
  terms: Set<string>;
  /** Ids of the recorded terms that are the Latin key of some Cyrillic word. */
  latinIds: number[];
  phrases: RecordedPhrase[];
}

// Past this many key terms, checking which ones a doc holds costs more than computing the keys.
const MAX_GATED_LATIN_TERMS = 256;

/** Prepares the marking of page words for the terms and phrases a query recorded. */
export function preparePageMarking(inverted: InvertedIndex, context: EvaluationContext): PageMarking {
  const isRecordedId = new Uint8Array(inverted.terms.length);
  const latinIds: number[] = [];
  for (const term of context.recordedTerms) {
    const id = findTermId(inverted, term);
    if (id === undefined) continue;
    isRecordedId[id] = 1;
    if (inverted.keyTerms[id] === 1) latinIds.push(id);
  }
  return { isRecordedId, terms: context.recordedTerms, latinIds, phrases: context.recordedPhrases };
}

function holdsTerm(inverted: InvertedIndex, slot: number, id: number): boolean {
  let [lo, hi] = listRange(inverted, id);
  const end = hi;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((inverted.entries[mid] as number) >>> 3 < slot) lo = mid + 1;
    else hi = mid;
  }
  return lo < end && (inverted.entries[lo] as number) >>> 3 === slot;
}

// Cyrillic words need their Latin key computed only when the doc holds a recorded Latin term.
function needsKeys(inverted: InvertedIndex, slot: number, marking: PageMarking): boolean {
  if (marking.latinIds.length > MAX_GATED_LATIN_TERMS) return true;
  return marking.latinIds.some((id) => holdsTerm(inverted, slot, id));
}

// True when source[start, end) holds a Cyrillic letter (U+0400–U+04FF), with no string made.
function hasCyrillicLetter(source: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const code = source.charCodeAt(i);
    if (code >= 0x400 && code <= 0x4ff) return true;
  }
  return false;
}

/** A text and its words by place, for the Cyrillic words' keys. */
interface KeyedText {
  source: string;
  words: WordOffsets;
}

const KEY_CACHE_SIZE = 100_000;

interface WordKey {
  word: string;
  key: string;
}

// Keys already computed, bucketed by the word's primary term id: the few forms of a stem are
// compared as strings, where hashing every shown word into one large map cost more than the rest
// of its snippet. A key depends on the word alone, so a bucket is never wrong, only a shortcut.
let keyForms: (WordKey[] | null)[] = [];
let keyFormCount = 0;

function computeLatinKey(word: string): string {
  const normal = repairHomoglyphs(normalizeWord(word));
  return isCyrillic(normal) ? toTranslitKey(normal) : '';
}

// The Latin-script index term of a Cyrillic word ('' for other words): its transliteration key,
// which needs no stemming. Remembered, as the same words recur on every page.
function toLatinKey(word: string, termId: number): string {
  const forms = termId >= 0 ? keyForms[termId] : null;
  if (forms) for (const form of forms) if (form.word === word) return form.key;
  const key = computeLatinKey(word);
  if (termId < 0) return key;
  if (keyFormCount >= KEY_CACHE_SIZE) [keyForms, keyFormCount] = [[], 0];
  if (termId >= keyForms.length) {
    // Filled, not sparse: a sparse array of this size would fall back to a dictionary.
    const grown = new Array<WordKey[] | null>(Math.max(termId + 1, keyForms.length * 2, 1024)).fill(null);
    keyForms.forEach((list, id) => (grown[id] = list));
    keyForms = grown;
  }
  const list = keyForms[termId] ?? [];
  keyForms[termId] = list;
  list.push({ word, key });
  keyFormCount++;
  return key;
}

function markRange(sequence: Int32Array, from: number, count: number, keyed: KeyedText | null, marking: PageMarking): boolean[] {
  const marked = new Array<boolean>(count).fill(false);
  const { isRecordedId } = marking;
  for (let i = 0; i < count; i++) {
    if (isRecordedId[sequence[from + i] as number] === 1) marked[i] = true;
    else if (keyed && i < keyed.words.count) {
      // When the key equals the stem, the word's primary term (checked above) is that key.
      const start = keyed.words.starts[i] as number;
      const end = keyed.words.ends[i] as number;
      if (!hasCyrillicLetter(keyed.source, start, end)) continue;
      const key = toLatinKey(keyed.source.slice(start, end), sequence[from + i] as number);
      if (key !== '' && marking.terms.has(key)) marked[i] = true;
    }
  }
  for (const { ids } of marking.phrases) {
    outer: for (let i = 0; i + ids.length <= count; i++) {
      for (let k = 0; k < ids.length; k++) if (sequence[from + i + k] !== ids[k]) continue outer;
      for (let k = 0; k < ids.length; k++) marked[i + k] = true;
    }
  }
  return marked;
}

function fallbackSnippet(doc: SearchDoc, marking: PageMarking): Snippet {
  const found = { terms: marking.terms, phrases: marking.phrases.map((p) => p.terms) };
  return buildSnippet(doc.text || doc.title, found);
}

/**
 * The snippet of a hit: from the text around its matches, or from the title when only the title
 * matched, or the text's beginning when nothing did (filters only).
 */
export function buildHitSnippet(inverted: InvertedIndex, slot: number, shown: ShownDoc, marking: PageMarking): Snippet {
  const { doc } = shown;
  const sequence = readSequence(inverted, slot);
  const titleEnd = sequence.indexOf(FIELD_BREAK);
  const textEnd = sequence.indexOf(FIELD_BREAK, titleEnd + 1);
  if (titleEnd < 0 || textEnd < 0) return fallbackSnippet(doc, marking);
  const isKeyed = needsKeys(inverted, slot, marking);
  const textWords = isKeyed ? (shown.textWords ??= scanWordOffsets(doc.text)) : null;
  const textMarks = markRange(sequence, titleEnd + 1, textEnd - titleEnd - 1, textWords && { source: doc.text, words: textWords }, marking);
  if (!textMarks.includes(true)) {
    const titleWords = (shown.titleWords ??= scanWordOffsets(doc.title));
    const titleMarks = markRange(sequence, 0, titleEnd, isKeyed ? { source: doc.title, words: titleWords } : null, marking);
    if (titleMarks.includes(true)) return buildMarkedSnippet(doc.title, titleWords, titleMarks);
    if (doc.text === '') return buildMarkedSnippet(doc.title, titleWords, titleMarks);
  }
  const words = (shown.textWords ??= scanWordOffsets(doc.text));
  if (words.count !== textMarks.length) return fallbackSnippet(doc, marking);
  return buildMarkedSnippet(doc.text, words, textMarks);
}
