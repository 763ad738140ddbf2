// The search engine's public boundary, used by the app, the CLI and the search worker. Everything
// behind it (MiniSearch, the vocabulary) may be replaced without changing these signatures.
import MiniSearch from 'minisearch';
import type { AsPlainObject } from 'minisearch';
import { FACETS } from '../model';
import type { Facet, Tags } from '../model';
import { evaluateNode, hasRankedTerms } from './evaluate';
import type { EvaluationContext } from './evaluate';
import { extractSearchField, SEARCH_INDEX_OPTIONS, toIndexTerms, tokenizeText } from './options';
import { parseQuery } from './query';
import type { SearchDoc } from './search-doc';
import { buildSnippet, hasMatchIn } from './snippet';
import type { DocMatches, Snippet } from './snippet';
import { createVocabulary, updateVocabulary } from './vocabulary';
import type { Vocabulary } from './vocabulary';

export { toSearchDoc } from './search-doc';
export type { SearchDoc } from './search-doc';
export { formatSnippet } from './snippet';
export type { Snippet } from './snippet';
export { parseQuery, printQuery } from './query';
export type { ParseResult, QueryError, QueryErrorCode, QueryFilter, QueryNode } from './query';

/** MiniSearch, the doc store that filters, facets and snippets read, and the term vocabulary. */
export interface SearchIndex {
  readonly engine: MiniSearch<SearchDoc>;
  readonly docs: Map<string, SearchDoc>;
  readonly vocabulary: Vocabulary;
}

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

export type FacetCounts = { value: string; count: number }[];

export interface SearchResult {
  total: number;
  hits: SearchHit[];
  facets: Record<Facet | 'year', FacetCounts>;
  months: { month: string; count: number }[];
  error?: { code: string; message: string; position: number };
}

/** Thrown by loadSearchIndex; the caller rebuilds the index from the archive. */
export class SearchIndexLoadError extends Error {
  constructor(
    readonly code: 'invalid-index' | 'unsupported-index-version',
    message: string,
  ) {
    super(message);
    this.name = 'SearchIndexLoadError';
  }
}

/** Bumped whenever the options or the index terms change: an older saved index must be rebuilt. */
export const SEARCH_INDEX_VERSION = 1;
const FORMAT = 'annals-search-index';
const DEFAULT_LIMIT = 50;

function collectDocTerms(doc: SearchDoc): Set<string> {
  const terms = new Set<string>();
  for (const field of SEARCH_INDEX_OPTIONS.fields) {
    for (const word of tokenizeText(extractSearchField(doc, field))) {
      for (const term of toIndexTerms(word)) terms.add(term);
    }
  }
  return terms;
}

/** Creates an index holding the given docs. */
export function createSearchIndex(docs: Iterable<SearchDoc> = []): SearchIndex {
  const index: SearchIndex = {
    engine: new MiniSearch<SearchDoc>(SEARCH_INDEX_OPTIONS),
    docs: new Map(),
    vocabulary: createVocabulary(),
  };
  for (const doc of docs) addOrReplaceDoc(index, doc);
  return index;
}

/** Adds a doc, or replaces the doc with the same id. */
export function addOrReplaceDoc(index: SearchIndex, doc: SearchDoc): void {
  removeDoc(index, doc.id);
  index.engine.add(doc);
  index.docs.set(doc.id, doc);
  updateVocabulary(index.vocabulary, collectDocTerms(doc), 1);
}

/** Removes a doc; unknown ids are ignored. */
export function removeDoc(index: SearchIndex, id: string): void {
  const old = index.docs.get(id);
  if (!old) return;
  // remove() (not discard()) so term statistics, hence scores, match a fresh build at once.
  index.engine.remove(old);
  index.docs.delete(id);
  updateVocabulary(index.vocabulary, collectDocTerms(old), -1);
}

interface SavedIndex {
  format: typeof FORMAT;
  version: number;
  docs: SearchDoc[];
  vocabulary: [string, number][];
  engine: AsPlainObject;
}

/** Serialises the index (versioned JSON) for loadSearchIndex. */
export function serializeSearchIndex(index: SearchIndex): string {
  const saved: SavedIndex = {
    format: FORMAT,
    version: SEARCH_INDEX_VERSION,
    docs: [...index.docs.values()],
    vocabulary: [...index.vocabulary.counts],
    engine: index.engine.toJSON(),
  };
  return JSON.stringify(saved);
}

/** Loads a serialised index; throws SearchIndexLoadError when it is damaged or of another version. */
export function loadSearchIndex(json: string): SearchIndex {
  let saved: Partial<SavedIndex>;
  try {
    saved = JSON.parse(json) as Partial<SavedIndex>;
  } catch {
    throw new SearchIndexLoadError('invalid-index', 'The saved search index is not JSON');
  }
  if (saved?.format !== FORMAT || !Array.isArray(saved.docs) || !Array.isArray(saved.vocabulary) || !saved.engine) {
    throw new SearchIndexLoadError('invalid-index', 'The saved search index is damaged');
  }
  if (saved.version !== SEARCH_INDEX_VERSION) {
    throw new SearchIndexLoadError('unsupported-index-version', `Saved index version ${String(saved.version)}`);
  }
  try {
    return {
      engine: MiniSearch.loadJS<SearchDoc>(saved.engine, SEARCH_INDEX_OPTIONS),
      docs: new Map(saved.docs.map((doc) => [doc.id, doc])),
      vocabulary: createVocabulary(saved.vocabulary),
    };
  } catch (caught) {
    throw new SearchIndexLoadError('invalid-index', `The saved search index is damaged: ${String(caught)}`);
  }
}

function emptyResult(): SearchResult {
  return { total: 0, hits: [], facets: { state: [], organ: [], exercise: [], person: [], year: [] }, months: [] };
}

function compareDates(a: string | null, b: string | null, direction: 1 | -1): number {
  if (a === b) return 0;
  if (a === null) return 1; // undated docs last in both directions
  if (b === null) return -1;
  return a < b ? -direction : direction;
}

function rankIds(index: SearchIndex, scores: Map<string, number>, sort: SearchOptions['sort']): string[] {
  const date = (id: string): string | null => index.docs.get(id)?.date ?? null;
  const score = (id: string): number => scores.get(id) ?? 0;
  return [...scores.keys()].sort((a, b) => {
    const order =
      sort === 'relevance'
        ? score(b) - score(a) || compareDates(date(a), date(b), -1)
        : compareDates(date(a), date(b), sort === 'date-asc' ? 1 : -1) || score(b) - score(a);
    return order || (a < b ? -1 : a > b ? 1 : 0);
  });
}

function countValues(values: Iterable<string>, into: Map<string, number>): void {
  for (const value of values) into.set(value, (into.get(value) ?? 0) + 1);
}

function toFacetCounts(counts: Map<string, number>): FacetCounts {
  return [...counts]
    .map(([value, count]) => ({ value, count }))
    .sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));
}

function countFacets(index: SearchIndex, ids: string[]): Pick<SearchResult, 'facets' | 'months'> {
  const perFacet = new Map<Facet | 'year', Map<string, number>>();
  const months = new Map<string, number>();
  for (const key of [...FACETS, 'year' as const]) perFacet.set(key, new Map());
  for (const id of ids) {
    const doc = index.docs.get(id);
    if (!doc) continue;
    for (const facet of FACETS) countValues(new Set(doc.tags[facet]), perFacet.get(facet) ?? new Map());
    if (doc.date) countValues([doc.date.slice(0, 4)], perFacet.get('year') ?? new Map());
    if (doc.date && doc.date.length >= 7) countValues([doc.date.slice(0, 7)], months);
  }
  const facets = emptyResult().facets;
  for (const [key, counts] of perFacet) facets[key] = toFacetCounts(counts);
  const histogram = [...months].map(([month, count]) => ({ month, count })).sort((a, b) => (a.month < b.month ? -1 : 1));
  return { facets, months: histogram };
}

function toHit(doc: SearchDoc, score: number, matches: DocMatches | undefined): SearchHit {
  const found = matches ?? { terms: new Set<string>(), phrases: [] };
  const source = !hasMatchIn(doc.text, found) && hasMatchIn(doc.title, found) ? doc.title : doc.text || doc.title;
  return { id: doc.id, score, title: doc.title, date: doc.date, snippet: buildSnippet(source, found), tags: doc.tags };
}

/**
 * Runs a query of the query language. An empty query matches everything; a query without words
 * sorts by date, newest first. Facets and months count the whole result set, not only the page.
 */
export function searchArchive(index: SearchIndex, query: string, options: SearchOptions = {}): SearchResult {
  const parsed = parseQuery(query);
  if (!parsed.ok) return { ...emptyResult(), error: parsed.error };
  const context: EvaluationContext = { ...index, matches: new Map() };
  const scores = evaluateNode(context, parsed.query, true) ?? new Map([...index.docs.keys()].map((id) => [id, 0]));
  const sort = options.sort ?? (hasRankedTerms(parsed.query) ? 'relevance' : 'date');
  const ranked = rankIds(index, scores, sort);
  const offset = Math.max(0, options.offset ?? 0);
  const page = ranked.slice(offset, offset + Math.max(0, options.limit ?? DEFAULT_LIMIT));
  const hits = page.flatMap((id) => {
    const doc = index.docs.get(id);
    return doc ? [toHit(doc, scores.get(id) ?? 0, context.matches.get(id))] : [];
  });
  return { total: ranked.length, hits, ...countFacets(index, ranked) };
}
