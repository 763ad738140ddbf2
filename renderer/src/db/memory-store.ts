// The mirror held in memory, for when the offline cache is off (IndexedDB failing, full or disabled).
// It is filled from main by the same sync as the cache and lives as long as the window.
import type { Collection, Item } from '../../../shared/model';
import type { MirrorStore } from './mirror-store';
import type { SavedSearchIndex } from './schema';

// Newest first, undated last (the order of the empty query).
function compareNewestFirst(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return a < b ? 1 : -1;
}

/** Creates an empty in-memory store. Records are kept as main answered them: callers never mutate them. */
export function createMemoryStore(): MirrorStore {
  const items = new Map<string, Item>();
  const collections = new Map<string, Collection>();
  const revisions = new Map<string, string>();
  const uiState = new Map<string, unknown>();
  let index: SavedSearchIndex | undefined;
  const observers = new Set<() => void>();
  let isNotifyQueued = false;

  // Several writes in one task (a sync) re-run each observer once.
  function announce(): void {
    if (isNotifyQueued) return;
    isNotifyQueued = true;
    queueMicrotask(() => {
      isNotifyQueued = false;
      for (const observer of [...observers]) observer();
    });
  }

  const store: MirrorStore = {
    kind: 'memory',
    getItem: async (id) => items.get(id),
    getItems: async (ids) => ids.map((id) => items.get(id)).filter((i): i is Item => i !== undefined),
    listItems: async () => [...items.values()],
    async readNewestItems(limit) {
      const newest = [...items.values()].sort((a, b) => compareNewestFirst(a.date, b.date)).slice(0, limit);
      return { items: newest, total: items.size };
    },
    getCollection: async (slug) => collections.get(slug),
    listCollections: async () => [...collections.values()],
    async readRevisions(prefix) {
      const found = new Map<string, string>();
      for (const [key, rev] of revisions) if (key.startsWith(prefix)) found.set(key.slice(prefix.length), rev);
      return found;
    },
    async writeChanges(c) {
      for (const item of c.items) items.set(item.id, item);
      for (const id of c.removedItems) items.delete(id);
      for (const collection of c.collections) collections.set(collection.slug, collection);
      for (const slug of c.removedCollections) collections.delete(slug);
      for (const { key, rev } of c.revisions) revisions.set(key, rev);
      for (const key of c.removedRevisions) revisions.delete(key);
      index = undefined;
      announce();
    },
    async putItems(list) {
      for (const item of list) items.set(item.id, item);
      announce();
    },
    async putCollection(collection) {
      collections.set(collection.slug, collection);
      announce();
    },
    async deleteCollection(slug) {
      collections.delete(slug);
      announce();
    },
    readIndex: async () => index,
    async writeIndex(version, bytes) {
      index = { key: 'main', version, bytes };
    },
    readUiState: async (key) => uiState.get(key),
    async writeUiState(key, value) {
      uiState.set(key, value);
    },
    listUiState: async () => [...uiState].map(([key, value]) => ({ key, value })),
    observe(query, onValue, onError) {
      let isActive = true;
      let ticket = 0;
      // Latest answer wins: an older query that resolves late is dropped.
      const run = () => {
        const mine = ++ticket;
        query(store).then(
          (value) => isActive && mine === ticket && onValue(value),
          (error: unknown) => isActive && onError(error),
        );
      };
      observers.add(run);
      run();
      return () => {
        isActive = false;
        observers.delete(run);
      };
    },
    close() {
      observers.clear();
    },
  };
  return store;
}
