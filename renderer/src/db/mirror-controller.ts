// Runs the mirror's syncs one at a time, tells the UI when the index changed (so searches re-run),
// and keeps the app working when the offline cache (IndexedDB) fails: the mirror then lives in
// memory, filled from main by the same sync, while the cache is retried with a growing delay. A
// failed sync is retried the same way. Main holds every item and writes every edit to disk before
// answering, so a lost or failing cache never loses anything: it only costs fetching the archive.
import { computeBackoff, createRetryTimer } from './backoff';
import { type CacheError, isCacheError, toCacheError } from './cache-error';
import { createMemoryStore } from './memory-store';
import type { MirrorStore, NewestItems } from './mirror-store';
import { CACHE_RETRY, type MirrorController, type MirrorControllerOptions, type MirrorState, PREVIEW_SIZE, SAVE_DELAY_MS, SYNC_RETRY } from './mirror-state';
import { createStoreSlot } from './store-slot';
import { loadSavedIndex, saveIndex, syncMirror } from './sync';
import type { SyncReport } from './sync';

export type { CacheState, MirrorController, MirrorControllerOptions, MirrorState, MirrorStatus } from './mirror-state';
export { CACHE_RETRY, PREVIEW_SIZE, SAVE_DELAY_MS, SYNC_RETRY } from './mirror-state';

function toSyncError(caught: unknown): { code: string; message: string } {
  const code = (caught as { code?: unknown } | null)?.code;
  return { code: typeof code === 'string' ? code : 'internal', message: caught instanceof Error ? caught.message : String(caught) };
}

function waitForTask(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

function countChanges(report: SyncReport): number {
  return report.fetchedItems + report.removedItems + report.fetchedCollections + report.removedCollections;
}

/** Creates the controller of the mirror and its indexer. */
export function createMirrorController(options: MirrorControllerOptions): MirrorController {
  const { call, indexer } = options;
  const now = options.now ?? Date.now;
  const cacheRetry = createRetryTimer(options.cacheRetryDelay ?? ((n) => computeBackoff(n, CACHE_RETRY)), now);
  const syncRetry = createRetryTimer(options.syncRetryDelay ?? ((n) => computeBackoff(n, SYNC_RETRY)), now);
  const slot = createStoreSlot();
  const listeners = new Set<() => void>();
  let state: MirrorState = { status: 'loading', syncError: null, cache: { isOn: true }, generation: 0 };
  let needsRebuild = true;
  let running: Promise<void> | null = null;
  let isPending = false;
  let saveTimer: ReturnType<typeof setTimeout> | null = null;
  let isSaveDue = false;
  let isDisposed = false;
  let preview: NewestItems | null = null;

  function setState(patch: Partial<MirrorState>): void {
    state = { ...state, ...patch };
    listeners.forEach((l) => l());
  }

  function turnCacheOff(error: CacheError): void {
    const nextRetryAt = cacheRetry.schedule(() => void reopenCache());
    setState({ cache: { isOn: false, code: error.code, message: error.message, nextRetryAt } });
  }

  async function openStore(): Promise<MirrorStore> {
    let opened: MirrorStore | null = null;
    opened = await options.openCache((error) => {
      if (opened) handleCacheFailure(error, opened);
    });
    return opened;
  }

  /** A store failed: a failing cache in use is replaced by memory, a cache being reopened is dropped. */
  function handleCacheFailure(error: CacheError, failing: MirrorStore): void {
    if (isDisposed || failing.kind !== 'indexeddb') return;
    if (failing === slot.candidate()) {
      slot.dropCandidate();
      turnCacheOff(error);
    } else if (failing === slot.current() && slot.candidate() === null) {
      // (A candidate already being filled — memory, or a reopened cache — replaces it just as well.)
      slot.propose(createMemoryStore());
      turnCacheOff(error);
      requestSync();
    }
  }

  async function reopenCache(): Promise<void> {
    if (isDisposed || state.cache.isOn) return;
    try {
      const reopened = await openStore();
      if (isDisposed) return reopened.close();
      slot.propose(reopened);
      requestSync();
    } catch (caught) {
      turnCacheOff(toCacheError(caught, 'open'));
    }
  }

  async function flushSave(): Promise<void> {
    if (saveTimer) clearTimeout(saveTimer);
    saveTimer = null;
    if (!isSaveDue) return;
    isSaveDue = false;
    await (running ?? Promise.resolve());
    const target = slot.current();
    if (target?.kind !== 'indexeddb') return;
    await saveIndex(target, indexer).catch((caught: unknown) => {
      if (isCacheError(caught)) handleCacheFailure(caught, target);
      else console.error('saving the search index failed', caught);
    });
  }

  function scheduleSave(): void {
    isSaveDue = true;
    if (saveTimer) clearTimeout(saveTimer);
    saveTimer = setTimeout(() => void flushSave(), options.saveDelayMs ?? SAVE_DELAY_MS);
  }

  // A new store is filled and indexed from scratch before it replaces the current one; a rebuild is
  // saved at once (it is the expensive part), incremental changes are batched; memory saves nothing.
  async function syncInto(target: MirrorStore): Promise<void> {
    const isRebuild = needsRebuild || target !== slot.current();
    const isCache = target.kind === 'indexeddb';
    const report = await syncMirror(target, call, indexer, { rebuild: isRebuild, deferSave: !isRebuild || !isCache });
    if (target !== slot.current()) {
      await slot.adopt(target);
      if (isCache) cacheRetry.reset();
      if (isCache) setState({ cache: { isOn: true } });
    }
    needsRebuild = false;
    syncRetry.reset();
    if (!isRebuild && isCache && countChanges(report) > 0) scheduleSave();
    const isIndexChanged = report.rebuilt || countChanges(report) > 0;
    if (isIndexChanged) keepPreview(target);
    setState({ status: 'ready', syncError: null, ...(isIndexChanged ? { generation: state.generation + 1 } : {}) });
  }

  async function runOnce(): Promise<void> {
    const target = slot.candidate() ?? slot.current();
    if (!target || isDisposed) return;
    setState({ status: 'syncing' });
    try {
      await syncInto(target);
    } catch (caught) {
      if (isCacheError(caught)) {
        // The failing store was replaced (or dropped): sync again at once, into the next one.
        handleCacheFailure(caught, target);
        needsRebuild = true;
        isPending = true;
        return;
      }
      setState({ status: 'error', syncError: toSyncError(caught) });
      syncRetry.schedule(requestSync);
    }
  }

  function requestSync(): void {
    if (isDisposed) return;
    if (running) {
      isPending = true;
      return;
    }
    syncRetry.cancel();
    running = runOnce().then(() => {
      running = null;
      if (isPending) {
        isPending = false;
        requestSync();
      }
    });
  }

  // Writes to whichever store is current; a failing cache is reported, never the caller's problem.
  async function guard<T>(task: (target: MirrorStore) => Promise<T>, fallback: T): Promise<T> {
    const target = slot.current() ?? (await slot.whenChosen());
    return task(target).catch((caught: unknown) => {
      if (isCacheError(caught)) handleCacheFailure(caught, target);
      else console.error('the mirror failed', caught);
      return fallback;
    });
  }

  async function writeLocal(task: (target: MirrorStore) => Promise<void>): Promise<void> {
    await guard(task, undefined);
    requestSync();
  }

  function setPreview(next: NewestItems | null): void {
    if (!next || next.total === 0 || isDisposed) return;
    preview = next;
    listeners.forEach((l) => l());
  }

  // The first page comes from the preview kept at the last sync, else straight from the cache, and
  // is painted before the long read of the saved index.
  async function showPreview(store: MirrorStore): Promise<void> {
    if (!preview) setPreview(await store.readNewestItems(PREVIEW_SIZE).catch(() => null));
    if (preview) await (options.waitForPaint ?? waitForTask)();
  }

  function keepPreview(store: MirrorStore): void {
    const cache = options.previewCache;
    if (cache && store.kind === 'indexeddb') void store.readNewestItems(PREVIEW_SIZE).then((newest) => cache.write(newest), () => undefined);
  }

  async function start(): Promise<void> {
    setPreview(options.previewCache?.read() ?? null);
    try {
      slot.choose(await openStore());
    } catch (caught) {
      slot.choose(createMemoryStore());
      turnCacheOff(toCacheError(caught, 'open'));
    }
    const store = slot.current();
    if (store?.kind === 'indexeddb') {
      await showPreview(store);
      needsRebuild = !(await loadSavedIndex(store, indexer).catch(() => false));
      if (!needsRebuild) setState({ generation: state.generation + 1 });
    }
    requestSync();
    await running;
  }

  return {
    start,
    requestSync,
    flushSave,
    observe: (query, onValue) => slot.observe(query, onValue),
    putItems: (items) => writeLocal((target) => target.putItems(items)),
    putCollection: (collection) => writeLocal((target) => target.putCollection(collection)),
    deleteCollection: (slug) => writeLocal((target) => target.deleteCollection(slug)),
    readUiState: (key) => guard((target) => target.readUiState(key), undefined),
    writeUiState: (key, value) => guard((target) => target.writeUiState(key, value), undefined),
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    getState: () => state,
    getGeneration: () => state.generation,
    getStatus: () => state.status,
    getPreview: () => preview,
    dispose() {
      isDisposed = true;
      cacheRetry.cancel();
      syncRetry.cancel();
      if (saveTimer) clearTimeout(saveTimer);
      slot.close();
    },
  };
}
