// Runs the mirror's syncs one at a time and tells the UI when the index changed, so searches re-run.
import type { AnnalsDb } from './schema';
import { loadSavedIndex, saveIndex, syncMirror } from './sync';
import type { CallApi, MirrorIndexer, SyncReport } from './sync';

export type MirrorStatus = 'loading' | 'syncing' | 'ready' | 'error';

export interface MirrorController {
  /** Loads the saved index (results show at once), then syncs with main. */
  start(): Promise<void>;
  /** Asks for a sync; calls during a running sync coalesce into one more. */
  requestSync(): void;
  /** Saves the index now if a save is pending (the page is being hidden or closed). */
  flushSave(): Promise<void>;
  /** Called with a new generation number whenever the index changed, and on status changes. */
  subscribe(listener: () => void): () => void;
  getGeneration(): number;
  getStatus(): MirrorStatus;
  getError(): string | null;
}

/** Creates the controller of one mirror and its indexer. */
/** How long the index may stay unsaved after an edit: serialising a large index on every edit is costly. */
export const SAVE_DELAY_MS = 3_000;

export function createMirrorController(
  db: AnnalsDb,
  call: CallApi,
  indexer: MirrorIndexer,
  saveDelayMs = SAVE_DELAY_MS,
): MirrorController {
  const listeners = new Set<() => void>();
  let generation = 0;
  let status: MirrorStatus = 'loading';
  let error: string | null = null;
  let needsRebuild = true;
  let running: Promise<void> | null = null;
  let isPending = false;
  let saveTimer: ReturnType<typeof setTimeout> | null = null;
  let isSaveDue = false;

  async function flushSave(): Promise<void> {
    if (saveTimer) clearTimeout(saveTimer);
    saveTimer = null;
    if (!isSaveDue) return;
    isSaveDue = false;
    await (running ?? Promise.resolve());
    await saveIndex(db, indexer).catch((caught: unknown) => console.error('saving the search index failed', caught));
  }

  function scheduleSave(): void {
    isSaveDue = true;
    if (saveTimer) clearTimeout(saveTimer);
    saveTimer = setTimeout(() => void flushSave(), saveDelayMs);
  }

  const notify = () => listeners.forEach((l) => l());
  const bump = () => {
    generation++;
    notify();
  };

  async function runOnce(): Promise<void> {
    status = 'syncing';
    notify();
    try {
      // A rebuild is saved at once (it is the expensive part); incremental changes are batched.
      const isRebuild = needsRebuild;
      const report: SyncReport = await syncMirror(db, call, indexer, { rebuild: isRebuild, deferSave: !isRebuild });
      needsRebuild = false;
      if (!isRebuild && report.fetchedItems + report.removedItems + report.fetchedCollections + report.removedCollections > 0) scheduleSave();
      status = 'ready';
      error = null;
      if (report.rebuilt || report.fetchedItems + report.removedItems + report.fetchedCollections + report.removedCollections > 0) bump();
      else notify();
    } catch (caught) {
      status = 'error';
      error = caught instanceof Error ? caught.message : String(caught);
      notify();
    }
  }

  function requestSync(): void {
    if (running) {
      isPending = true;
      return;
    }
    running = runOnce().then(() => {
      running = null;
      if (isPending) {
        isPending = false;
        requestSync();
      }
    });
  }

  return {
    async start() {
      needsRebuild = !(await loadSavedIndex(db, indexer).catch(() => false));
      if (!needsRebuild) bump();
      requestSync();
      await running;
    },
    requestSync,
    flushSave,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    getGeneration: () => generation,
    getStatus: () => status,
    getError: () => error,
  };
}
