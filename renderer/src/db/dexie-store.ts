// The offline cache: the mirror in IndexedDB through Dexie. Every failure is turned into a
// CacheError and reported, so the controller can fall back to memory instead of leaving the UI empty.
import { liveQuery } from 'dexie';
import type { Item } from '../../../shared/model';
import { type CacheError, toCacheError } from './cache-error';
import type { MirrorStore, NewestItems } from './mirror-store';
import { AnnalsDb } from './schema';

export interface DexieStoreOptions {
  /** Told of every failure of the database once it is open (the controller falls back to memory). */
  onFailure?: (error: CacheError) => void;
  /** Revisions read per IndexedDB request (default REVISION_PAGE; tests use a small one). */
  revisionPage?: number;
}

/** A database that has not answered within this time is treated as unavailable (a blocked open waits forever). */
export const OPEN_TIMEOUT_MS = 10_000;

const isDefined = <T>(value: T | undefined): value is T => value !== undefined;

// Through the date index: an undated item is not in it, so undated ones are looked for (a scan) only
// when the dated ones do not fill the page.
async function readNewest(db: AnnalsDb, limit: number): Promise<NewestItems> {
  const total = await db.items.count();
  const items = await db.items.orderBy('date').reverse().limit(limit).toArray();
  if (items.length < limit && items.length < total) {
    items.push(...(await db.items.filter((item) => item.date === null).limit(limit - items.length).toArray()));
  }
  return { items, total };
}

/** Revisions read per IndexedDB request (see readRevisionPages). */
export const REVISION_PAGE = 10_000;

// Page by page (by key, after the last one read): each page is its own request and its own task on
// the page's thread, where the 100,000 revisions of a large archive in one request were ~150 ms.
async function readRevisionPages(db: AnnalsDb, prefix: string, page: number): Promise<Map<string, string>> {
  const found = new Map<string, string>();
  const upper = `${prefix}\uffff`;
  let lower = prefix;
  let isLowerIncluded = true;
  for (;;) {
    const rows = await db.revisions.where('key').between(lower, upper, isLowerIncluded, true).limit(page).toArray();
    for (const row of rows) found.set(row.key.slice(prefix.length), row.rev);
    const last = rows.at(-1);
    if (!last || rows.length < page) return found;
    lower = last.key;
    isLowerIncluded = false;
  }
}

/** Wraps an open AnnalsDb as a MirrorStore. */
export function createDexieStore(db: AnnalsDb, options: DexieStoreOptions = {}): MirrorStore {
  // Dexie promises are returned as they are (no extra async layer), so liveQuery still sees every read.
  const fail = (caught: unknown): never => {
    const error = toCacheError(caught, 'use');
    options.onFailure?.(error);
    throw error;
  };
  const store: MirrorStore = {
    kind: 'indexeddb',
    databaseName: db.name,
    getItem: (id) => db.items.get(id).catch(fail),
    getItems: (ids) => db.items.bulkGet([...ids]).then((found) => found.filter(isDefined)).catch(fail),
    listItems: () => db.items.toArray().catch(fail),
    readNewestItems: (limit) => db.transaction('r', db.items, () => readNewest(db, limit)).catch(fail),
    getCollection: (slug) => db.collections.get(slug).catch(fail),
    listCollections: () => db.collections.toArray().catch(fail),
    readRevisions: (prefix) => readRevisionPages(db, prefix, options.revisionPage ?? REVISION_PAGE).catch(fail),
    writeChanges: (c) =>
      db
        .transaction('rw', [db.items, db.collections, db.revisions, db.searchIndex], async () => {
          await db.items.bulkPut(c.items);
          await db.items.bulkDelete(c.removedItems);
          await db.collections.bulkPut(c.collections);
          await db.collections.bulkDelete(c.removedCollections);
          await db.revisions.bulkPut(c.revisions);
          await db.revisions.bulkDelete(c.removedRevisions);
          await db.searchIndex.delete('main');
        })
        .catch(fail),
    putItems: (items: readonly Item[]) => db.items.bulkPut([...items]).then(() => undefined).catch(fail),
    putCollection: (collection) => db.collections.put(collection).then(() => undefined).catch(fail),
    deleteCollection: (slug) => db.collections.delete(slug).catch(fail),
    readIndex: () => db.searchIndex.get('main').catch(fail),
    writeIndex: (version, bytes) => db.searchIndex.put({ key: 'main', version, bytes }).then(() => undefined).catch(fail),
    readUiState: (key) => db.uiState.get(key).then((entry) => entry?.value).catch(fail),
    writeUiState: (key, value) => db.uiState.put({ key, value }).then(() => undefined).catch(fail),
    listUiState: () => db.uiState.toArray().catch(fail),
    observe(query, onValue, onError) {
      const subscription = liveQuery(() => query(store)).subscribe({ next: onValue, error: onError });
      return () => subscription.unsubscribe();
    },
    close: () => db.close(),
  };
  return store;
}

/**
 * Opens the mirror database and answers it as a store; rejects with a CacheError
 * (`cache-unavailable`, or `cache-full`) when IndexedDB refuses or does not answer in time.
 */
export async function openDexieStore(options: DexieStoreOptions & { name?: string; timeoutMs?: number } = {}): Promise<MirrorStore> {
  let db: AnnalsDb | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    db = new AnnalsDb(options.name);
    const opening = db.open();
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no answer within ${options.timeoutMs ?? OPEN_TIMEOUT_MS} ms`)), options.timeoutMs ?? OPEN_TIMEOUT_MS);
    });
    await Promise.race([opening, timeout]);
    return createDexieStore(db, options);
  } catch (caught) {
    db?.close();
    throw toCacheError(caught, 'open');
  } finally {
    clearTimeout(timer);
  }
}
