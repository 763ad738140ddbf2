// Raw MiniSearch as the baseline: default options (OR of the query's words, the default
// tokenizer and lower-casing) plus prefix search and fuzzy 0.2, over title and text.
import MiniSearch from 'minisearch';
import type { SearchDoc } from '../shared/search';

export type RawEngine = MiniSearch<SearchDoc>;

/** Options of the baseline: also needed to load a saved baseline index. */
export const RAW_OPTIONS = {
  idField: 'id',
  fields: ['title', 'text'],
  searchOptions: { prefix: true, fuzzy: 0.2 },
};

/** Builds the baseline index. */
export function buildRawEngine(docs: SearchDoc[]): RawEngine {
  const engine = new MiniSearch<SearchDoc>(RAW_OPTIONS);
  engine.addAll(docs);
  return engine;
}

/** Runs a query as typed: MiniSearch knows no filters or quotes, so "state:Armenia" is two words. */
export function searchRaw(engine: RawEngine, query: string): string[] {
  return engine.search(query).map((result) => String(result.id));
}

/** Serialises the baseline index (MiniSearch's toJSON). */
export function saveRawEngine(engine: RawEngine): string {
  return JSON.stringify(engine);
}

/** Loads a serialised baseline index. */
export function loadRawEngine(json: string): RawEngine {
  return MiniSearch.loadJSON<SearchDoc>(json, RAW_OPTIONS);
}
