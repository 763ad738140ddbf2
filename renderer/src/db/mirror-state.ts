// The mirror controller's public shape: its state (what the toolbar shows), its interface and options.
import type { Collection, Item } from '../../../shared/model';
import type { CacheError, CacheOffCode } from './cache-error';
import type { MirrorStore, NewestItems } from './mirror-store';
import type { PreviewCache } from './preview-snapshot';
import type { CallApi, MirrorIndexer } from './sync';

export type MirrorStatus = 'loading' | 'syncing' | 'ready' | 'error';

/** Whether the offline cache is in use; when off, why (the UI branches on `code`) and when it is retried. */
export type CacheState =
  | { isOn: true }
  | { isOn: false; code: CacheOffCode; message: string; nextRetryAt: number | null };

export interface MirrorState {
  status: MirrorStatus;
  /** Why the last sync failed (`unavailable`, `forbidden`… from the Api); null once a sync worked. */
  syncError: { code: string; message: string } | null;
  cache: CacheState;
  /** Bumped whenever the search index changed. */
  generation: number;
}

export interface MirrorController {
  /** Opens the cache (or falls back to memory), loads the saved index (results show at once), then syncs. */
  start(): Promise<void>;
  /** Asks for a sync; calls during a running sync coalesce into one more. */
  requestSync(): void;
  /** Saves the index now if a save is pending (the page is being hidden or closed). */
  flushSave(): Promise<void>;
  /** Runs `query` on the current store now and whenever its data or the store itself changes. */
  observe<T>(query: (store: MirrorStore) => Promise<T>, onValue: (value: T) => void): () => void;
  /** Puts what main answered for an edit in the mirror and asks for a sync. Never rejects: the edit is already on disk. */
  putItems(items: readonly Item[]): Promise<void>;
  putCollection(collection: Collection): Promise<void>;
  deleteCollection(slug: string): Promise<void>;
  /** A small UI preference (the last search); undefined when none or unreadable. */
  readUiState(key: string): Promise<unknown>;
  writeUiState(key: string, value: unknown): Promise<void>;
  subscribe(listener: () => void): () => void;
  /** The current state (a new object after every change, for useSyncExternalStore). */
  getState(): MirrorState;
  getGeneration(): number;
  getStatus(): MirrorStatus;
  /**
   * The newest items of the offline cache and its item count, read at start before the saved index
   * (which takes seconds to load at 100,000 items): the empty query's first page until the index
   * answers. Null when there is no cache or it was empty; subscribers hear when it arrives.
   */
  getPreview(): NewestItems | null;
  /** Stops timers and closes the stores (tests; the app's controller lives as long as the window). */
  dispose(): void;
}

export interface MirrorControllerOptions {
  /** Opens the offline cache; rejects (a CacheError) when it cannot. `onFailure` hears of later failures. */
  openCache(onFailure: (error: CacheError) => void): Promise<MirrorStore>;
  call: CallApi;
  indexer: MirrorIndexer;
  saveDelayMs?: number;
  /** Wait before reopening the cache, by attempt (0 first). */
  cacheRetryDelay?: (attempt: number) => number;
  /** Wait before retrying a failed sync, by attempt (0 first). */
  syncRetryDelay?: (attempt: number) => number;
  now?: () => number;
  /**
   * Resolves once the UI has painted what it was told (the preview): reading and loading the saved
   * index blocks the page for a second or more at 100,000 items, so it starts only after that paint.
   */
  waitForPaint?: () => Promise<void>;
  /** Keeps the preview between runs so it shows before the cache opens (see db/preview-snapshot.ts). */
  previewCache?: PreviewCache;
}

/** Rows of the start preview: a screenful and a little more, like the first page of a search. */
export const PREVIEW_SIZE = 40;

/** How long the index may stay unsaved after an edit: serialising a large index on every edit is costly. */
export const SAVE_DELAY_MS = 3_000;
/** 5 s, 15 s, 45 s, 2¼ min, then every 5 min. */
export const CACHE_RETRY = { firstMs: 5_000, factor: 3, maxMs: 300_000 };
/** 1 s, 2 s, 4 s … then every minute. */
export const SYNC_RETRY = { firstMs: 1_000, factor: 2, maxMs: 60_000 };
