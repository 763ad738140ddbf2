// Work a search may reuse from earlier ones on the same index, forgotten on any change to it
// (forgetQueryCache), so what is recalled is exactly what would be computed again:
// - the scores of the last few costly query words. Typing "the s", "the st", "the sta" scores
//   "the" again at every key, and the first letter of a search ("s") recurs search after search:
//   a copy of their slot arrays costs a fraction of a millisecond where scoring them costs tens;
// - the facets and months of every doc, which a one-letter word or an empty phrase often hits;
// - the docs last shown on a page, decoded and split into words: the next key often shows them
//   again (about 45% of the docs of a typing sequence at 100,000 items had been shown among the
//   last 400).
// At 100,000 items all this holds about 35 MB at most (a ninth of the index): 29 MB of slot
// arrays, the rest the shown docs and their words' places.
import type { InvertedIndex } from './inverted-index';
import type { FacetSummary } from './facet-counts';
import type { SearchDoc } from './search-doc';
import type { SlotScores } from './scoring';
import type { WordOffsets } from './word-spans';

/** A word's expansion (term ids, for highlighting) and its scores over every slot. */
export interface CachedWord {
  ids: number[];
  hit: Uint8Array;
  score: Float64Array;
}

/** How many words of each kind are kept (the least recently used go first). */
const MAX_CACHED = { letter: 24, word: 8 } as const;
/**
 * Slots held by each kind in all (9 bytes a slot): 24 letters and 8 words at 100,000 items (about
 * 29 MB, a tenth of the index), fewer past that (2 letters and 1 word at a million).
 */
const MAX_CACHED_SLOTS = { letter: 2_400_000, word: 800_000 } as const;

/**
 * A one-letter word (the first key of every search, and the word being started after a space) is
 * the costliest to score and recurs the most: it has its own room, so longer words typed in
 * between do not push the letters out.
 */
export type CachedWordKind = keyof typeof MAX_CACHED;

/** A doc shown on a page, with its words (by place) once some snippet needed them. */
export interface ShownDoc {
  doc: SearchDoc;
  titleWords: WordOffsets | null;
  textWords: WordOffsets | null;
}

const MAX_SHOWN_DOCS = 400;

interface IndexCache {
  letter: Map<string, CachedWord>;
  word: Map<string, CachedWord>;
  everything: FacetSummary | null;
  /** By slot, the least recently shown first. */
  shown: Map<number, ShownDoc>;
}

const caches = new WeakMap<InvertedIndex, IndexCache>();

function cacheOf(index: InvertedIndex): IndexCache {
  let cache = caches.get(index);
  if (!cache) caches.set(index, (cache = { letter: new Map(), word: new Map(), everything: null, shown: new Map() }));
  return cache;
}

/** The doc in a slot as last shown (its words kept), or as `load` gives it, remembered. */
export function recallShownDoc(index: InvertedIndex, slot: number, load: () => SearchDoc | undefined): ShownDoc | undefined {
  const { shown } = cacheOf(index);
  const found = shown.get(slot);
  if (found) {
    shown.delete(slot);
    shown.set(slot, found);
    return found;
  }
  const doc = load();
  if (!doc) return undefined;
  if (shown.size >= MAX_SHOWN_DOCS) shown.delete(shown.keys().next().value as number);
  const fresh = { doc, titleWords: null, textWords: null };
  shown.set(slot, fresh);
  return fresh;
}

/** The cached scores of a word (by its cache key) over this index, if still held; marks it recently used. */
export function recallWordScores(index: InvertedIndex, key: string, kind: CachedWordKind): CachedWord | undefined {
  const cache = caches.get(index)?.[kind];
  const found = cache?.get(key);
  if (!cache || !found) return undefined;
  cache.delete(key);
  cache.set(key, found); // a Map iterates in insertion order: the least recently used first
  return found;
}

/** Keeps a copy of a word's scores, dropping the least recently used of its kind beyond the limits. */
export function rememberWordScores(index: InvertedIndex, key: string, kind: CachedWordKind, ids: number[], scores: SlotScores): void {
  const limit = Math.min(MAX_CACHED[kind], Math.floor(MAX_CACHED_SLOTS[kind] / Math.max(1, scores.hit.length)));
  if (limit === 0) return;
  const cache = cacheOf(index)[kind];
  cache.delete(key);
  while (cache.size >= limit) {
    const oldest = cache.keys().next().value;
    if (oldest === undefined) break;
    cache.delete(oldest);
  }
  cache.set(key, { ids, hit: scores.hit.slice(), score: scores.score.slice() });
}

function copySummary(summary: FacetSummary): FacetSummary {
  const facets = { ...summary.facets };
  for (const [facet, counts] of Object.entries(facets)) facets[facet as keyof typeof facets] = counts.map((count) => ({ ...count }));
  return { facets, months: summary.months.map((month) => ({ ...month })) };
}

/** A copy of the facets and months of every live doc, if counted since the index last changed. */
export function recallAllFacets(index: InvertedIndex): FacetSummary | null {
  const summary = caches.get(index)?.everything;
  return summary ? copySummary(summary) : null;
}

/** Keeps a copy of the facets and months of every live doc. */
export function rememberAllFacets(index: InvertedIndex, summary: FacetSummary): void {
  cacheOf(index).everything = copySummary(summary);
}

/** Forgets everything cached for an index: call on any change to its docs, statistics or slots. */
export function forgetQueryCache(index: InvertedIndex): void {
  caches.delete(index);
}
