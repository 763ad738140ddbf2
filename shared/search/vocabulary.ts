// The set of index terms, kept beside MiniSearch so a query word can be expanded by prefix, by typo
// and by typo-in-prefix at once (MiniSearch 7.2 does not combine prefix and fuzzy on one term).
import type { QueryTermVariant } from './options';

/** Index term → number of docs holding it. */
export type TermCounts = Map<string, number>;

export interface Vocabulary {
  counts: TermCounts;
  /** Sorted terms, rebuilt lazily after a change. */
  sorted: string[] | null;
}

/** An empty vocabulary, or one from saved counts. */
export function createVocabulary(entries: Iterable<[string, number]> = []): Vocabulary {
  return { counts: new Map(entries), sorted: null };
}

/** Counts a doc's distinct terms in (delta 1) or out (delta -1). */
export function updateVocabulary(vocabulary: Vocabulary, terms: Iterable<string>, delta: 1 | -1): void {
  for (const term of terms) {
    const count = (vocabulary.counts.get(term) ?? 0) + delta;
    if (count > 0) vocabulary.counts.set(term, count);
    else vocabulary.counts.delete(term);
  }
  vocabulary.sorted = null;
}

function sortedTerms(vocabulary: Vocabulary): string[] {
  vocabulary.sorted ??= [...vocabulary.counts.keys()].sort();
  return vocabulary.sorted;
}

function lowerBound(terms: string[], value: string): number {
  let lo = 0;
  let hi = terms.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((terms[mid] ?? '') < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Typo tolerance by term length: none up to 3 characters, 1 up to 7, then 2. Never for numbers. */
export function maxTypos(term: string): number {
  if (term.length <= 3 || /\d/.test(term)) return 0;
  return term.length <= 7 ? 1 : 2;
}

interface Distances {
  whole: number;
  prefix: number;
}

// Levenshtein distance of the query to the whole term and to its closest prefix, giving up once
// every cell of a row exceeds the budget.
function measureDistances(query: string, term: string, budget: number): Distances {
  let previous = Array.from({ length: query.length + 1 }, (_, j) => j);
  let prefix = previous[query.length] ?? Infinity;
  for (let i = 1; i <= term.length; i++) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= query.length; j++) {
      const substitution = (previous[j - 1] ?? 0) + (term[i - 1] === query[j - 1] ? 0 : 1);
      const cell = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, substitution);
      current.push(cell);
      rowMin = Math.min(rowMin, cell);
    }
    prefix = Math.min(prefix, current[query.length] ?? Infinity);
    if (rowMin > budget) return { whole: Infinity, prefix };
    previous = current;
  }
  return { whole: previous[query.length] ?? Infinity, prefix };
}

// Worth of a match relative to an exact one.
const PREFIX_WEIGHT = 0.6;
const FUZZY_WEIGHT = 0.45;
const FUZZY_PREFIX_WEIGHT = 0.3;
const MAX_EXPANSIONS = 1000;

function keepBest(into: Map<string, number>, term: string, weight: number): void {
  if ((into.get(term) ?? 0) < weight) into.set(term, weight);
}

/**
 * The index terms a query word matches, each with its weight: exact and by prefix; only when the
 * word begins no index term at all, with typos and with typos in a prefix. Typo tolerance is a
 * fallback so that "Interaction" never brings in every "international"; typo matches must share
 * the first letter, which keeps the scan short.
 */
export function expandQueryTerms(vocabulary: Vocabulary, variants: QueryTermVariant[]): Map<string, number> {
  const terms = sortedTerms(vocabulary);
  const found = new Map<string, number>();
  for (const { term: query, weight } of variants) {
    for (let i = lowerBound(terms, query); i < terms.length; i++) {
      const term = terms[i] ?? '';
      if (!term.startsWith(query)) break;
      keepBest(found, term, term === query ? weight : weight * PREFIX_WEIGHT);
    }
  }
  if (found.size === 0) {
    for (const { term: query, weight } of variants) addTypoMatches(terms, query, weight, found);
  }
  if (found.size <= MAX_EXPANSIONS) return found;
  // A one-letter prefix can match most of the vocabulary: keep the strongest, then the shortest.
  const ranked = [...found].sort((a, b) => b[1] - a[1] || a[0].length - b[0].length);
  return new Map(ranked.slice(0, MAX_EXPANSIONS));
}

function addTypoMatches(terms: string[], query: string, weight: number, found: Map<string, number>): void {
  const budget = maxTypos(query);
  const first = query[0];
  if (budget === 0 || first === undefined) return;
  const end = lowerBound(terms, String.fromCharCode(first.charCodeAt(0) + 1));
  for (let i = lowerBound(terms, first); i < end; i++) {
    const term = terms[i] ?? '';
    if (term.length < query.length - budget) continue;
    const distances = measureDistances(query, term, budget);
    if (distances.whole <= budget) keepBest(found, term, weight * FUZZY_WEIGHT);
    else if (distances.prefix <= budget) keepBest(found, term, weight * FUZZY_PREFIX_WEIGHT);
  }
}
