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

export interface LocalIndexer extends MirrorIndexer {
  search(query: string, options: SearchOptions): Promise<SearchResult>;
  /** Number of indexed docs (0 before anything is loaded). */
  size(): number;
}

/** Creates an empty in-memory indexer around shared/search. */
export function createLocalIndexer(): LocalIndexer {
  let index: SearchIndex = createSearchIndex();
  return {
    version: async () => SEARCH_INDEX_VERSION,
    async load(bytes) {
      try {
        // The loaded index keeps views on its bytes: give it its own copy.
        index = loadSearchIndexBinary(bytes.slice());
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
