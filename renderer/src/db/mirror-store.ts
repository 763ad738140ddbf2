// The mirror's storage, behind one interface so the app works the same with the offline cache
// (IndexedDB through Dexie, db/dexie-store.ts) and without it (db/memory-store.ts): sync, feature
// queries and mutations only ever see a MirrorStore.
import type { Collection, Item } from '../../../shared/model';
import type { MirrorRevision, SavedSearchIndex, UiStateEntry } from './schema';

/** What one sync writes: records main answered, what it no longer has, and their revisions. */
export interface MirrorChanges {
  items: Item[];
  removedItems: string[];
  collections: Collection[];
  removedCollections: string[];
  revisions: MirrorRevision[];
  /** Revision keys (`item:<id>`, `collection:<slug>`) to forget. */
  removedRevisions: string[];
}

export interface NewestItems {
  items: Item[];
  total: number;
}

export interface MirrorStore {
  /** 'indexeddb': the offline cache, kept across restarts; 'memory': gone when the window closes. */
  readonly kind: 'indexeddb' | 'memory';
  /** The offline cache's IndexedDB database, for readers of the saved index off this thread (the search worker). */
  readonly databaseName?: string;
  getItem(id: string): Promise<Item | undefined>;
  /** The items of `ids` that the mirror holds, in the order asked. */
  getItems(ids: readonly string[]): Promise<Item[]>;
  listItems(): Promise<Item[]>;
  /**
   * The `limit` newest items (by date, undated last) and how many items the mirror holds: the first
   * page of the empty query, shown at start before the search index is loaded.
   */
  readNewestItems(limit: number): Promise<NewestItems>;
  getCollection(slug: string): Promise<Collection | undefined>;
  listCollections(): Promise<Collection[]>;
  /** Revisions whose key starts with `prefix`, keyed by the rest of the key. */
  readRevisions(prefix: string): Promise<Map<string, string>>;
  /**
   * Writes a sync's changes and drops the saved index, all or nothing: if the app stops before the
   * new index is saved, the next start rebuilds it from a consistent mirror.
   */
  writeChanges(changes: MirrorChanges): Promise<void>;
  /** Puts records main just answered (an edit), ahead of the sync that settles their revisions. */
  putItems(items: readonly Item[]): Promise<void>;
  putCollection(collection: Collection): Promise<void>;
  deleteCollection(slug: string): Promise<void>;
  readIndex(): Promise<SavedSearchIndex | undefined>;
  writeIndex(version: number, bytes: Uint8Array): Promise<void>;
  readUiState(key: string): Promise<unknown>;
  writeUiState(key: string, value: unknown): Promise<void>;
  listUiState(): Promise<UiStateEntry[]>;
  /**
   * Runs `query` now and again whenever what it read may have changed; answers the function that
   * stops it. Errors go to `onError` (the store has already reported a failing cache).
   */
  observe<T>(query: (store: MirrorStore) => Promise<T>, onValue: (value: T) => void, onError: (error: unknown) => void): () => void;
  /** Releases the storage (the database connection); the store is not used afterwards. */
  close(): void;
}
