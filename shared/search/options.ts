// The one MiniSearch options object: the same value must build an index and load a saved one, or a
// loaded index would process words differently from the one that was saved.
import type { Options } from 'minisearch';
import { FACETS } from '../model';
import type { SearchDoc } from './search-doc';
import {
  isCyrillic,
  normalizeWord,
  repairHomoglyphs,
  stemEnglish,
  stemRussian,
  toTranslitKey,
  transliterateToCyrillic,
} from './normalize';
import { scanWordSpans } from './word-spans';

/** A word of a text with its place: [start, end) offsets into the original string. */
export interface WordSpan {
  word: string;
  start: number;
  end: number;
}

/** Letters, combining marks and digits, with inner apostrophes kept ("CSTO's", "O'zbekiston"). */
export const WORD_PATTERN = /[\p{L}\p{M}\p{N}]+(?:['’][\p{L}\p{M}\p{N}]+)*/gu;

/** Splits a text into words with their offsets (the words of WORD_PATTERN, by a faster scan). */
export function tokenizeWithOffsets(text: string): WordSpan[] {
  return scanWordSpans(text);
}

/** Splits a text into words (the tokenizer given to MiniSearch). */
export function tokenizeText(text: string): string[] {
  return text.match(WORD_PATTERN) ?? [];
}

/**
 * The primary term of a word: the Russian stem of a Cyrillic word, the transliteration key of the
 * lightly stemmed Latin word, the word itself otherwise (numbers). Phrases compare these.
 */
export function toPrimaryTerm(word: string): string {
  return toIndexTerms(word)[0] ?? '';
}

/**
 * The index terms of a word. A Cyrillic word is indexed twice: by its Russian stem and by the
 * transliteration key of the whole word, so Latin spellings of a name find it by prefix.
 */
export function toIndexTerms(word: string): string[] {
  const cached = indexTermCache.get(word);
  if (cached) return cached;
  const terms = computeIndexTerms(word);
  // Words repeat a lot and every doc is tokenized twice (MiniSearch, vocabulary): remember them.
  if (indexTermCache.size >= INDEX_TERM_CACHE_SIZE) indexTermCache.clear();
  indexTermCache.set(word, terms);
  return terms;
}

const INDEX_TERM_CACHE_SIZE = 50_000;
const indexTermCache = new Map<string, string[]>();

function computeIndexTerms(word: string): string[] {
  const normal = repairHomoglyphs(normalizeWord(word));
  if (normal === '') return [];
  if (!isCyrillic(normal)) return [toTranslitKey(stemEnglish(normal))];
  const stem = stemRussian(normal);
  const key = toTranslitKey(normal);
  return stem === key ? [stem] : [stem, key];
}

/** One way a query word may appear in the index, with how much a match through it is worth. */
export interface QueryTermVariant {
  term: string;
  weight: number;
}

// Below this length a Latin word is not re-read as Russian: the stem would be too short and would
// match half the vocabulary by prefix.
const MIN_CROSS_SCRIPT_LENGTH = 5;

/**
 * The index terms a typed query word is looked up under, best first. Each is matched later by
 * prefix and with typos, so the word may be incomplete.
 */
export function toQueryTermVariants(word: string): QueryTermVariant[] {
  const normal = repairHomoglyphs(normalizeWord(word));
  if (normal === '') return [];
  const variants: QueryTermVariant[] = [];
  const push = (term: string, weight: number): void => {
    if (term !== '' && !variants.some((v) => v.term === term)) variants.push({ term, weight });
  };
  if (isCyrillic(normal)) {
    const stem = stemRussian(normal);
    push(stem, 1);
    push(toTranslitKey(normal), 0.9);
    // The stem's key reaches inflected Latin-script spellings ("Сердюкова" → "Serdyukov").
    if (stem.length >= 4) push(toTranslitKey(stem), 0.8);
  } else {
    push(toTranslitKey(stemEnglish(normal)), 1);
    if (/^[a-z]+$/.test(normal) && normal.length >= MIN_CROSS_SCRIPT_LENGTH) {
      // Read the Latin word as Russian to drop an inflection ("Bordyuzha" → "бордюж" → "borduJ").
      const crossKey = toTranslitKey(stemRussian(transliterateToCyrillic(normal)));
      if (crossKey.length >= 4) push(crossKey, 0.8);
    }
  }
  return variants;
}

/** The MiniSearch fields, with their boosts at search time. */
export const SEARCH_FIELD_BOOSTS = { title: 2, text: 1, note: 1, highlights: 1, tags: 0.5 } as const;
export type SearchField = keyof typeof SEARCH_FIELD_BOOSTS;

/** Reads one field of a doc as text: arrays and tag sets are joined. */
export function extractSearchField(doc: SearchDoc, field: string): string {
  switch (field) {
    case 'tags':
      return FACETS.flatMap((facet) => doc.tags[facet]).join('\n');
    case 'highlights':
      return doc.highlights.join('\n');
    case 'id':
    case 'title':
    case 'text':
    case 'note':
      return doc[field];
    default:
      return '';
  }
}

/**
 * The options used both to build and to load every search index. Stored fields are left empty:
 * the SearchIndex keeps its own doc store (filters and snippets need whole docs).
 */
export const SEARCH_INDEX_OPTIONS: Options<SearchDoc> = {
  idField: 'id',
  fields: Object.keys(SEARCH_FIELD_BOOSTS),
  storeFields: [],
  extractField: (doc, field) => extractSearchField(doc, field),
  tokenize: (text) => tokenizeText(text),
  processTerm: (term) => toIndexTerms(term),
  searchOptions: {
    // Queries are expanded into index terms before MiniSearch sees them (see vocabulary.ts).
    tokenize: (text) => [text],
    processTerm: (term) => term,
    boost: { ...SEARCH_FIELD_BOOSTS },
  },
};
