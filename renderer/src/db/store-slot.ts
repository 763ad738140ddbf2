// Which store the mirror reads, and the one being filled to replace it. A new store (memory when
// the cache fails, the cache when it opens again) is filled by a sync first and only then replaces
// the current one, so live queries never see an empty mirror; they follow the switch by themselves.
import type { MirrorStore } from './mirror-store';

export interface StoreSlot {
  /** The store queries read; null until `choose`. */
  current(): MirrorStore | null;
  /** The store being filled to replace the current one, if any. */
  candidate(): MirrorStore | null;
  /** Resolves with the first store chosen. */
  whenChosen(): Promise<MirrorStore>;
  /** Sets the first store (at start). */
  choose(store: MirrorStore): void;
  /** Sets the store to fill next, closing a previous candidate. */
  propose(store: MirrorStore): void;
  /** Closes and forgets the candidate. */
  dropCandidate(): void;
  /** Makes the (filled) candidate current: UI state moves into a cache, the old store is closed. */
  adopt(next: MirrorStore): Promise<void>;
  /** Runs `query` on the current store now, on its changes, and again on the next store after a switch. */
  observe<T>(query: (store: MirrorStore) => Promise<T>, onValue: (value: T) => void): () => void;
  close(): void;
}

/** Creates an empty slot. */
export function createStoreSlot(): StoreSlot {
  let current: MirrorStore | null = null;
  let candidate: MirrorStore | null = null;
  const switchListeners = new Set<() => void>();
  let resolveChosen: (store: MirrorStore) => void = () => undefined;
  const chosen = new Promise<MirrorStore>((resolve) => (resolveChosen = resolve));
  const announceSwitch = () => switchListeners.forEach((l) => l());

  return {
    current: () => current,
    candidate: () => candidate,
    whenChosen: () => chosen,
    choose(store) {
      current = store;
      resolveChosen(store);
      announceSwitch();
    },
    propose(store) {
      if (candidate !== store) candidate?.close();
      candidate = store;
    },
    dropCandidate() {
      candidate?.close();
      candidate = null;
    },
    async adopt(next) {
      const previous = current;
      // The last search saved while the cache was off is not lost when it comes back.
      if (previous?.kind === 'memory' && next.kind === 'indexeddb') {
        for (const { key, value } of await previous.listUiState()) await next.writeUiState(key, value);
      }
      current = next;
      if (candidate === next) candidate = null;
      if (previous !== next) previous?.close();
      announceSwitch();
    },
    observe(query, onValue) {
      let detach = (): void => undefined;
      const attach = () => {
        detach();
        detach = current ? current.observe(query, onValue, (error) => console.error('mirror query failed', error)) : () => undefined;
      };
      attach();
      switchListeners.add(attach);
      return () => {
        switchListeners.delete(attach);
        detach();
      };
    },
    close() {
      candidate?.close();
      current?.close();
      switchListeners.clear();
    },
  };
}
