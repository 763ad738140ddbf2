// Reads the saved search index straight from the mirror's IndexedDB, in the search worker: at
// 100,000 items the record is ~500 MB, and reading it is a structured-clone copy that blocked the
// page's main thread for 2.5 s when the page read it (through Dexie) and handed it over.
// Plain IndexedDB: the worker does not load Dexie for one read, and never creates or upgrades the
// database (the page's Dexie owns its schema, db/schema.ts).

/** The saved index's record (db/schema.ts SavedSearchIndex), as far as a reader needs it. */
export interface SavedIndexRecord {
  version: number;
  bytes: Uint8Array;
}

const STORE = 'searchIndex';
const KEY = 'main';

export class SavedIndexReadError extends Error {
  constructor(readonly code: 'saved-index-unreadable', message: string) {
    super(message);
    this.name = 'SavedIndexReadError';
  }
}

function openExisting(factory: IDBFactory, name: string): Promise<IDBDatabase | null> {
  return new Promise((resolve, reject) => {
    let isMissing = false;
    const request = factory.open(name);
    // No version asked: an upgrade means the database did not exist. Leave it uncreated.
    request.onupgradeneeded = () => {
      isMissing = true;
      request.transaction?.abort();
    };
    request.onsuccess = () => resolve(request.result);
    request.onerror = (event) => {
      if (!isMissing) return reject(new SavedIndexReadError('saved-index-unreadable', `cannot open ${name}: ${String(request.error)}`));
      event.preventDefault();
      resolve(null);
    };
  });
}

function readRecord(db: IDBDatabase): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const get = db.transaction(STORE, 'readonly').objectStore(STORE).get(KEY);
    get.onsuccess = () => resolve(get.result);
    get.onerror = () => reject(new SavedIndexReadError('saved-index-unreadable', `cannot read the saved index: ${String(get.error)}`));
  });
}

function isRecord(value: unknown): value is SavedIndexRecord {
  const record = value as Partial<SavedIndexRecord> | null | undefined;
  return typeof record?.version === 'number' && record.bytes instanceof Uint8Array;
}

/**
 * The saved index in database `name`, or undefined when there is none (no database, no such store,
 * no record, or a record of another shape). Rejects with SavedIndexReadError when IndexedDB fails.
 * The connection is closed at once, so it never holds up the page's schema upgrades or deletion.
 */
export async function readSavedIndexRecord(name: string, factory: IDBFactory = indexedDB): Promise<SavedIndexRecord | undefined> {
  const db = await openExisting(factory, name);
  if (!db) return undefined;
  try {
    if (!db.objectStoreNames.contains(STORE)) return undefined;
    const record = await readRecord(db);
    return isRecord(record) ? record : undefined;
  } finally {
    db.close();
  }
}
