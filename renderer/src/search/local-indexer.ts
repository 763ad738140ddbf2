// The search index held in memory: what the worker owns, and what tests use without a worker.
import {
  addOrReplaceDoc,
  createSearchIndex,
  loadSearchIndexBinary,
  removeDoc,
  searchArchive,
  serializeSearchIndexBinary,
  SEARCH_INDEX_VERSION,
} from '../../../shared/search/index';
import type { SearchDoc, SearchIndex, SearchOptions, SearchResult } from '../../../shared/search/index';
import type { MirrorIndexer } from '../db/sync';
import { readSavedIndexRecord } from './saved-index-reader';

export interface LocalIndexer extends MirrorIndexer {
  loadSaved(database: string): Promise<boolean>;
  search(query: string, options: SearchOptions): Promise<SearchResult>;
  /** Number of indexed docs (0 before anything is loaded). */
  size(): number;
}

export interface LocalIndexerOptions {
  /**
   * True when `load` may keep the bytes it is given (the worker: they were transferred to it, no one
   * else holds them). Otherwise it copies them, since the loaded index keeps views on its bytes.
   */
  isLoadOwning?: boolean;
  /** Where `loadSaved` finds IndexedDB (tests pass fake-indexeddb's). */
  indexedDB?: IDBFactory;
}

/** Creates an empty in-memory indexer around shared/search. */
export function createLocalIndexer(options: LocalIndexerOptions = {}): LocalIndexer {
  let index: SearchIndex = createSearchIndex();
  return {
    version: async () => SEARCH_INDEX_VERSION,
    async load(bytes) {
      try {
        // A copy of a large index costs as much as reading it: made only when the bytes are shared.
        index = loadSearchIndexBinary(options.isLoadOwning ? bytes : bytes.slice());
        return true;
      } catch {
        return false;
      }
    },
    // Read here, the saved index's bytes are this indexer's own: no copy.
    async loadSaved(database) {
      try {
        const record = await readSavedIndexRecord(database, options.indexedDB ?? indexedDB);
        if (!record || record.version !== SEARCH_INDEX_VERSION) return false;
        index = loadSearchIndexBinary(record.bytes);
        return true;
      } catch {
        return false;
      }
    },
    async rebuild(docs) {
      index = createSearchIndex(docs);
    },
    async apply(upserts, removes) {
      for (const id of removes) removeDoc(index, id);
      for (const doc of upserts) addOrReplaceDoc(index, doc);
    },
    async serialize() {
      return serializeSearchIndexBinary(index);
    },
    async search(query, options) {
      return searchArchive(index, query, options);
    },
    size: () => index.docs.size,
  };
}
