// The search engine's public boundary, used by the app, the CLI, the search worker and the benchmark.
// Behind it: an inverted index in typed arrays (inverted-index.ts) with MiniSearch's tokenisation and
// BM25 scoring, integer columns for facets and dates (doc-columns.ts), the vocabulary for prefix and
// typo expansion, and the doc store for filters, phrases' texts and snippets. See docs/search-engine.md.
import type { Facet, Tags } from '../model';
import { countFacets } from './facet-counts';
import type { FacetCounts, FacetSummary } from './facet-counts';
import { recallAllFacets, recallShownDoc, rememberAllFacets } from './query-cache';
import { evaluateNode, hasRankedTerms } from './evaluate';
import type { EvaluationContext } from './evaluate';
import { allLiveSlots, releaseSlotScores } from './scoring';
import { buildHitSnippet, preparePageMarking } from './page-hits';
import type { PageMarking } from './page-hits';
import { parseQuery } from './query';
import { createSlotComparator, createSlotRank, selectTopSlots } from './ranking';
import type { SearchIndex } from './search-index';
import type { Snippet } from './snippet';

export { toSearchDoc } from './search-doc';
export type { SearchDoc } from './search-doc';
export { formatSnippet } from './snippet';
export type { Snippet } from './snippet';
export { parseQuery, printQuery } from './query';
export type { ParseResult, QueryError, QueryErrorCode, QueryFilter, QueryNode } from './query';
export type { FacetCounts } from './facet-counts';
export {
  loadSearchIndex,
  loadSearchIndexBinary,
  SEARCH_INDEX_VERSION,
  SearchIndexLoadError,
  serializeSearchIndex,
  serializeSearchIndexBinary,
} from './index-codec';
export {
  addOrReplaceDoc,
  compactSearchIndex,
  createEmptySearchIndex,
  createSearchIndex,
  removeDoc,
} from './search-index';
export type { SearchIndex } from './search-index';
export type { DocStore } from './doc-store';

export interface SearchOptions {
  /** Default: relevance, or date (newest first) when the query has no words. */
  sort?: 'relevance' | 'date' | 'date-asc';
  /** Default 50. */
  limit?: number;
  offset?: number;
}

export interface SearchHit {
  id: string;
  score: number;
  title: string;
  date: string | null;
  snippet: Snippet;
  tags: Tags;
}

export interface SearchResult {
  total: number;
  hits: SearchHit[];
  facets: Record<Facet | 'year', FacetCounts>;
  months: { month: string; count: number }[];
  error?: { code: string; message: string; position: number };
}

const DEFAULT_LIMIT = 50;

function emptyResult(): SearchResult {
  return { total: 0, hits: [], facets: { state: [], organ: [], exercise: [], person: [], year: [] }, months: [] };
}

function toHit(index: SearchIndex, slot: number, score: number, marking: PageMarking): SearchHit[] {
  const shown = recallShownDoc(index.inverted, slot, () => index.docs.getBySlot(slot));
  if (!shown) return [];
  const { doc } = shown;
  const snippet = buildHitSnippet(index.inverted, slot, shown, marking);
  return [{ id: doc.id, score, title: doc.title, date: doc.date, snippet, tags: doc.tags }];
}

// The hit slots in order, in a buffer reused by the next query (nothing keeps it past a search).
let hitBuffer = new Int32Array(0);

function collectHits(hit: Uint8Array): Int32Array {
  if (hitBuffer.length < hit.length) hitBuffer = new Int32Array(hit.length);
  let count = 0;
  for (let slot = 0; slot < hit.length; slot++) {
    if (hit[slot] !== 0) hitBuffer[count++] = slot;
  }
  return hitBuffer.subarray(0, count);
}

// Facets and months of the hits; those of every doc (hits are only ever live docs) are remembered.
function summarizeHits(index: SearchIndex, matched: Int32Array): FacetSummary {
  const isEverything = matched.length === index.inverted.liveCount;
  const recalled = isEverything ? recallAllFacets(index.inverted) : null;
  if (recalled) return recalled;
  const summary = countFacets(index.columns, matched);
  if (isEverything) rememberAllFacets(index.inverted, summary);
  return summary;
}

/**
 * Runs a query of the query language. An empty query matches everything; a query without words
 * sorts by date, newest first. Facets and months count the whole result set, not only the page.
 */
export function searchArchive(index: SearchIndex, query: string, options: SearchOptions = {}): SearchResult {
  const parsed = parseQuery(query);
  if (!parsed.ok) return { ...emptyResult(), error: parsed.error };
  const context: EvaluationContext = {
    inverted: index.inverted,
    columns: index.columns,
    recordedTerms: new Set(),
    recordedPhrases: [],
  };
  const scores = evaluateNode(context, parsed.query, true) ?? allLiveSlots(index.inverted);
  const matched = collectHits(scores.hit);
  const sort = options.sort ?? (hasRankedTerms(parsed.query) ? 'relevance' : 'date');
  const offset = Math.max(0, options.offset ?? 0);
  const limit = Math.max(0, options.limit ?? DEFAULT_LIMIT);
  const compare = createSlotComparator(index.columns, index.inverted.slotIds, scores.score, sort);
  const rank = createSlotRank(index.columns, scores.score, sort);
  const page = selectTopSlots(matched, offset + limit, compare, rank).slice(offset);
  const marking = preparePageMarking(index.inverted, context);
  const hits = page.flatMap((slot) => toHit(index, slot, scores.score[slot] ?? 0, marking));
  const result = { total: matched.length, hits, ...summarizeHits(index, matched) };
  releaseSlotScores();
  return result;
}
