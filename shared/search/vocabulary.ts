// Expansion of a query word into index terms through the sorted term dictionary: by prefix, and only
// when the word begins no term, by typo and by typo-in-prefix (MiniSearch 7.2 cannot combine both).
import type { InvertedIndex } from './inverted-index';
import type { QueryTermVariant } from './options';

/** Term ids in term order, with the terms added since merged in (a sort of the new ones only). */
export function sortTermIds(index: InvertedIndex): Uint32Array {
  if (index.unsorted.length === 0) return index.sortedIds;
  const { terms } = index;
  const byTerm = (a: number, b: number): number => ((terms[a] as string) < (terms[b] as string) ? -1 : 1);
  const added = index.unsorted.sort(byTerm);
  const old = index.sortedIds;
  const merged = new Uint32Array(old.length + added.length);
  let i = 0;
  let j = 0;
  let k = 0;
  while (i < old.length && j < added.length) {
    merged[k++] = byTerm(old[i] as number, added[j] as number) < 0 ? (old[i++] as number) : (added[j++] as number);
  }
  while (i < old.length) merged[k++] = old[i++] as number;
  while (j < added.length) merged[k++] = added[j++] as number;
  index.sortedIds = merged;
  index.unsorted = [];
  return merged;
}

function lowerBound(index: InvertedIndex, sorted: Uint32Array, value: string): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((index.terms[sorted[mid] as number] as string) < value) lo = mid + 1;
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

// Two rows of the edit-distance table, reused by every term of a scan (no allocation per term).
let previousRow = new Int32Array(64);
let currentRow = new Int32Array(64);

// Levenshtein distance of the query to the whole term and to its closest prefix, giving up once
// every cell of a row exceeds the budget.
function measureDistances(query: string, term: string, budget: number): Distances {
  const width = query.length + 1;
  if (previousRow.length < width) {
    previousRow = new Int32Array(width * 2);
    currentRow = new Int32Array(width * 2);
  }
  let previous = previousRow;
  let current = currentRow;
  for (let j = 0; j < width; j++) previous[j] = j;
  let prefix = query.length;
  for (let i = 1; i <= term.length; i++) {
    current[0] = i;
    let rowMin = i;
    const letter = term.charCodeAt(i - 1);
    for (let j = 1; j < width; j++) {
      const substitution = (previous[j - 1] as number) + (letter === query.charCodeAt(j - 1) ? 0 : 1);
      const cell = Math.min((previous[j] as number) + 1, (current[j - 1] as number) + 1, substitution);
      current[j] = cell;
      if (cell < rowMin) rowMin = cell;
    }
    if ((current[query.length] as number) < prefix) prefix = current[query.length] as number;
    if (rowMin > budget) return { whole: Infinity, prefix };
    [previous, current] = [current, previous];
  }
  return { whole: previous[query.length] as number, prefix };
}

// Worth of a match relative to an exact one.
const PREFIX_WEIGHT = 0.6;
const FUZZY_WEIGHT = 0.45;
const FUZZY_PREFIX_WEIGHT = 0.3;
// Enough for any prefix of two letters or more in a 100,000-item archive; a one-letter prefix is cut.
const MAX_EXPANSIONS = 5000;
/**
 * A one-letter word (the first key of a search typed letter by letter) expands to at most this many
 * terms, the ones held by the most docs. Its 5,000 expansions took 300–900 ms to score, 100 take a
 * tenth of that and still reach ~99% of the docs for a Latin letter (30,000 generated items).
 */
export const MAX_ONE_LETTER_EXPANSIONS = 100;

function keepBest(into: Map<number, number>, id: number, weight: number): void {
  if ((into.get(id) ?? 0) < weight) into.set(id, weight);
}

/**
 * The index terms (ids) a query word matches, each with its weight: exact and by prefix; only when the
 * word begins no index term at all, with typos and with typos in a prefix. A one-letter word keeps
 * only its MAX_ONE_LETTER_EXPANSIONS most frequent expansions (besides the exact term). Typo tolerance is a
 * fallback so that "Interaction" never brings in every "international"; typo matches must share
 * the first letter, which keeps the scan short.
 */
export function expandQueryTerms(index: InvertedIndex, variants: QueryTermVariant[]): Map<number, number> {
  const sorted = sortTermIds(index);
  const found = new Map<number, number>();
  for (const { term: query, weight } of variants) {
    for (let i = lowerBound(index, sorted, query); i < sorted.length; i++) {
      const id = sorted[i] as number;
      const term = index.terms[id] as string;
      if (!term.startsWith(query)) break;
      if (index.docCounts[id] === 0) continue; // every doc holding it was removed
      keepBest(found, id, term === query ? weight : weight * PREFIX_WEIGHT);
    }
  }
  if (found.size === 0) {
    for (const { term: query, weight } of variants) addTypoMatches(index, sorted, query, weight, found);
  }
  const isOneLetter = variants.some(({ term }) => term.length === 1);
  const max = isOneLetter ? MAX_ONE_LETTER_EXPANSIONS : MAX_EXPANSIONS;
  if (found.size <= max) return found;
  // A short prefix can match most of the vocabulary: keep the strongest, then the most frequent
  // (a cut term then drops the fewest docs).
  const count = (id: number): number => index.docCounts[id] ?? 0;
  const term = (id: number): string => index.terms[id] as string;
  const compare = (a: [number, number], b: [number, number]): number =>
    b[1] - a[1] || count(b[0]) - count(a[0]) || (term(a[0]) < term(b[0]) ? -1 : 1);
  return new Map(selectFirst([...found], max, compare));
}

/**
 * The first `count` entries in `compare` order (a total order), sorted: a bounded heap, as a
 * one-letter word keeps 100 of tens of thousands of terms and sorting them all cost 10–30 ms.
 */
export function selectFirst<T>(entries: T[], count: number, compare: (a: T, b: T) => number): T[] {
  const heap: T[] = []; // a max-heap on the order: its root would come last
  const swap = (i: number, j: number): void => void ([heap[i], heap[j]] = [heap[j] as T, heap[i] as T]);
  for (const entry of entries) {
    if (heap.length < count) {
      heap.push(entry);
      for (let i = heap.length - 1, up = (i - 1) >> 1; i > 0 && compare(heap[i] as T, heap[up] as T) > 0; i = up, up = (i - 1) >> 1) swap(i, up);
    } else if (count > 0 && compare(entry, heap[0] as T) < 0) {
      heap[0] = entry;
      for (let i = 0; ; ) {
        const left = 2 * i + 1;
        let largest = i;
        if (left < count && compare(heap[left] as T, heap[largest] as T) > 0) largest = left;
        if (left + 1 < count && compare(heap[left + 1] as T, heap[largest] as T) > 0) largest = left + 1;
        if (largest === i) break;
        swap(i, largest);
        i = largest;
      }
    }
  }
  return heap.sort(compare);
}

function addTypoMatches(
  index: InvertedIndex,
  sorted: Uint32Array,
  query: string,
  weight: number,
  found: Map<number, number>,
): void {
  const budget = maxTypos(query);
  const first = query[0];
  if (budget === 0 || first === undefined) return;
  const end = lowerBound(index, sorted, String.fromCharCode(first.charCodeAt(0) + 1));
  for (let i = lowerBound(index, sorted, first); i < end; i++) {
    const id = sorted[i] as number;
    const term = index.terms[id] as string;
    if (index.docCounts[id] === 0) continue;
    if (term.length < query.length - budget) continue;
    const distances = measureDistances(query, term, budget);
    if (distances.whole <= budget) keepBest(found, id, weight * FUZZY_WEIGHT);
    else if (distances.prefix <= budget) keepBest(found, id, weight * FUZZY_PREFIX_WEIGHT);
  }
}
