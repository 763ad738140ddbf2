// The two contenders behind one shape, so the runner times them the same way: build, save, load, query.
import * as search from '../shared/search';
import type { SearchDoc, SearchIndex } from '../shared/search';
import { buildRawEngine, loadRawEngine, saveRawEngine, searchRaw } from './baseline';

/** Hits shown on the first page: the app builds snippets for these. */
export const PAGE_SIZE = 20;

export interface Contender<Index> {
  name: 'raw' | 'app';
  /** How the index is saved, for the report ("JSON", "binary"). */
  saveFormat: string;
  build(docs: SearchDoc[]): Index;
  save(index: Index): string | Uint8Array;
  load(saved: string | Uint8Array): Index;
  /** Runs one query as the user sees it; returns the number of results. */
  query(index: Index, text: string): number;
}

export const rawContender: Contender<ReturnType<typeof buildRawEngine>> = {
  name: 'raw',
  saveFormat: 'JSON (toJSON)',
  build: buildRawEngine,
  save: saveRawEngine,
  load: (saved) => loadRawEngine(typeof saved === 'string' ? saved : new TextDecoder().decode(saved)),
  query: (engine, text) => searchRaw(engine, text).length,
};

type BinarySave = (index: SearchIndex) => Uint8Array;
type BinaryLoad = (bytes: Uint8Array) => SearchIndex;

// The engine's binary save/load (serializeSearchIndexBinary / loadSearchIndexBinary) when this
// version of it has them; looked up by name so the benchmark also runs against older engines.
function findBinaryFormat(): { save: BinarySave; load: BinaryLoad } | null {
  const api = search as unknown as Record<string, unknown>;
  const save = api.serializeSearchIndexBinary;
  const load = api.loadSearchIndexBinary;
  return typeof save === 'function' && typeof load === 'function' ? { save: save as BinarySave, load: load as BinaryLoad } : null;
}

function createAppContender(): Contender<SearchIndex> {
  const binary = findBinaryFormat();
  return {
    name: 'app',
    saveFormat: binary ? 'binary' : 'JSON (serializeSearchIndex)',
    build: (docs) => search.createSearchIndex(docs),
    save: (index) => (binary ? binary.save(index) : search.serializeSearchIndex(index)),
    load: (saved) =>
      binary && typeof saved !== 'string' ? binary.load(saved) : search.loadSearchIndex(saved as string),
    query: (index, text) => search.searchArchive(index, text, { limit: PAGE_SIZE }).total,
  };
}

export const appContender = createAppContender();
