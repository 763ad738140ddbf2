// The UI thread's handle on the search worker: a promise per request, typed by the protocol.
import type { SearchDoc, SearchOptions, SearchResult } from '../../../shared/search/index';
import type { MirrorIndexer } from '../db/sync';
import type { WorkerReplies, WorkerRequestBody, WorkerResponse } from './protocol';

export interface SearchClient extends MirrorIndexer {
  search(query: string, options: SearchOptions): Promise<SearchResult>;
  dispose(): void;
}

export class SearchWorkerError extends Error {
  constructor(readonly code: string, message: string) {
    super(message);
    this.name = 'SearchWorkerError';
  }
}

/** Wraps a worker (or anything with postMessage/onmessage) into a SearchClient. */
export function createSearchClient(worker: Worker): SearchClient {
  let nextId = 1;
  const pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  worker.onmessage = (event: MessageEvent<WorkerResponse>) => {
    const reply = event.data;
    const waiter = pending.get(reply.id);
    if (!waiter) return;
    pending.delete(reply.id);
    if (reply.ok) waiter.resolve(reply.value);
    else waiter.reject(new SearchWorkerError(reply.error.code, reply.error.message));
  };
  // A worker that fails to load or crashes would leave every caller waiting: fail them instead.
  let failure: SearchWorkerError | null = null;
  // The one search waiting for the worker (see search below).
  let waiting: { query: string; options: SearchOptions; resolve: (r: SearchResult) => void; reject: (e: Error) => void } | null = null;
  worker.onerror = (event: ErrorEvent) => {
    failure = new SearchWorkerError('search-worker-failed', event.message || 'The search worker stopped');
    for (const waiter of pending.values()) waiter.reject(failure);
    pending.clear();
    waiting?.reject(failure);
    waiting = null;
  };
  function send<T extends WorkerRequestBody>(body: T, transfer: Transferable[] = []): Promise<WorkerReplies[T['type']]> {
    const id = nextId++;
    return new Promise((resolve, reject) => {
      if (failure) return reject(failure);
      pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
      worker.postMessage({ ...body, id }, transfer);
    });
  }
  // Latest wins: one search at a time in the worker; a search asked for meanwhile replaces the one
  // waiting (its caller gets 'superseded'), so a fast typist never queues a search per keystroke.
  let isSearching = false;
  function pumpSearch(): void {
    if (isSearching || !waiting) return;
    const next = waiting;
    waiting = null;
    isSearching = true;
    send({ type: 'search', query: next.query, options: next.options })
      .then(next.resolve, next.reject)
      .finally(() => {
        isSearching = false;
        pumpSearch();
      });
  }
  function search(query: string, options: SearchOptions): Promise<SearchResult> {
    return new Promise((resolve, reject) => {
      waiting?.reject(new SearchWorkerError('superseded', 'a newer search replaced this one'));
      waiting = { query, options, resolve, reject };
      pumpSearch();
    });
  }
  return {
    version: () => send({ type: 'version' }),
    // The saved index is hundreds of megabytes: move it to the worker instead of copying it.
    load: (bytes: Uint8Array) => send({ type: 'load', bytes }, [bytes.buffer]),
    // Better still: the worker reads it from IndexedDB itself, and the page never holds it.
    loadSaved: (database: string) => send({ type: 'load-saved', database }),
    rebuild: async (docs: SearchDoc[]) => void (await send({ type: 'rebuild', docs })),
    apply: async (upserts: SearchDoc[], removes: string[]) => void (await send({ type: 'apply', upserts, removes })),
    serialize: () => send({ type: 'serialize' }),
    search,
    dispose: () => worker.terminate(),
  };
}

/** Starts the app's search worker. */
export function startSearchWorker(): SearchClient {
  return createSearchClient(new Worker(new URL('./search.worker.ts', import.meta.url), { type: 'module' }));
}
