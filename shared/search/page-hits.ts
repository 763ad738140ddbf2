// The hits of the returned page, with snippets. Matched words are found through each slot's stored
// term sequence (the ids of its words' primary terms), so a snippet costs one tokenisation of the
// shown text and no stemming, except for Cyrillic words reached through their Latin key.
import type { EvaluationContext, RecordedPhrase } from './evaluate';
import { FIELD_BREAK, findTermId, listRange, readSequence } from './inverted-index';
import type { InvertedIndex } from './inverted-index';
import { isCyrillic, normalizeWord, repairHomoglyphs, toTranslitKey } from './normalize';
import { tokenizeWithOffsets } from './options';
import type { WordSpan } from './options';
import type { SearchDoc } from './search-doc';
import { buildMarkedSnippet, buildSnippet } from './snippet';
import type { Snippet } from './snippet';

/** What the page's words are compared with: the recorded terms, as ids too. */
export interface PageMarking {
  ids: Set<number>;
  terms: Set<string>;
  /** Ids of the recorded terms that are the Latin key of some Cyrillic word. */
  latinIds: number[];
  phrases: RecordedPhrase[];
}

// Past this many key terms, checking which ones a doc holds costs more than computing the keys.
const MAX_GATED_LATIN_TERMS = 256;

/** Prepares the marking of page words for the terms and phrases a query recorded. */
export function preparePageMarking(inverted: InvertedIndex, context: EvaluationContext): PageMarking {
  const ids = new Set<number>();
  const latinIds: number[] = [];
  for (const term of context.recordedTerms) {
    const id = findTermId(inverted, term);
    if (id === undefined) continue;
    ids.add(id);
    if (inverted.keyTerms[id] === 1) latinIds.push(id);
  }
  return { ids, terms: context.recordedTerms, latinIds, phrases: context.recordedPhrases };
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

const CYRILLIC_LETTER = /[\u0400-\u04ff]/;
const KEY_CACHE_SIZE = 100_000;
const latinKeys = new Map<string, string>();

// The Latin-script index term of a Cyrillic word ('' for other words): its transliteration key,
// which needs no stemming. Remembered, as the same words recur on every page.
function toLatinKey(word: string): string {
  const cached = latinKeys.get(word);
  if (cached !== undefined) return cached;
  const normal = repairHomoglyphs(normalizeWord(word));
  const key = isCyrillic(normal) ? toTranslitKey(normal) : '';
  if (latinKeys.size >= KEY_CACHE_SIZE) latinKeys.clear();
  latinKeys.set(word, key);
  return key;
}

function markRange(sequence: Int32Array, from: number, count: number, words: WordSpan[] | null, marking: PageMarking): boolean[] {
  const marked = new Array<boolean>(count).fill(false);
  for (let i = 0; i < count; i++) {
    if (marking.ids.has(sequence[from + i] as number)) marked[i] = true;
    else if (words) {
      // When the key equals the stem, the word's primary term (checked above) is that key.
      const word = words[i]?.word ?? '';
      if (!CYRILLIC_LETTER.test(word)) continue;
      const key = toLatinKey(word);
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
export function buildHitSnippet(inverted: InvertedIndex, slot: number, doc: SearchDoc, marking: PageMarking): Snippet {
  const sequence = readSequence(inverted, slot);
  const titleEnd = sequence.indexOf(FIELD_BREAK);
  const textEnd = sequence.indexOf(FIELD_BREAK, titleEnd + 1);
  if (titleEnd < 0 || textEnd < 0) return fallbackSnippet(doc, marking);
  const isKeyed = needsKeys(inverted, slot, marking);
  const textSpans = isKeyed ? tokenizeWithOffsets(doc.text) : null;
  const textMarks = markRange(sequence, titleEnd + 1, textEnd - titleEnd - 1, textSpans, marking);
  if (!textMarks.includes(true)) {
    const titleSpans = tokenizeWithOffsets(doc.title);
    const titleMarks = markRange(sequence, 0, titleEnd, isKeyed ? titleSpans : null, marking);
    if (titleMarks.includes(true)) return buildMarkedSnippet(doc.title, titleSpans, titleMarks);
    if (doc.text === '') return buildMarkedSnippet(doc.title, titleSpans, titleMarks);
  }
  const spans = textSpans ?? tokenizeWithOffsets(doc.text);
  if (spans.length !== textMarks.length) return fallbackSnippet(doc, marking);
  return buildMarkedSnippet(doc.text, spans, textMarks);
}
