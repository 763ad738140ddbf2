// Serializes the archive's writes (an import running while the curator edits a note) and tells
// listeners what changed, so the app can push `items-changed` without rescanning.

/** Runs tasks one after another; a failed task does not block the next. Not reentrant. */
export class WriteLock {
  private tail: Promise<unknown> = Promise.resolve();

  run<T>(task: () => Promise<T>): Promise<T> {
    const result = this.tail.then(task, task);
    this.tail = result.catch(() => undefined);
    return result;
  }
}

/** What a write changed: item ids and collection slugs (written or removed). */
export interface ArchiveChange {
  items: string[];
  collections: string[];
  removedCollections: string[];
  /** True after a full rescan (external edits, or a rollback after a failed write). */
  isReload: boolean;
}

export type ChangeListener = (change: ArchiveChange) => void;

export class ChangeEmitter {
  private readonly listeners = new Set<ChangeListener>();

  subscribe(listener: ChangeListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  emit(change: Partial<ArchiveChange>): void {
    const full: ArchiveChange = { items: [], collections: [], removedCollections: [], isReload: false, ...change };
    for (const listener of this.listeners) {
      try {
        listener(full);
      } catch {
        // A listener's bug must not turn a successful write into a failed one.
      }
    }
  }
}
