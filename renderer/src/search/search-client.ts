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
  worker.onerror = (event: ErrorEvent) => {
    const error = new SearchWorkerError('search-worker-failed', event.message || 'The search worker stopped');
    for (const waiter of pending.values()) waiter.reject(error);
    pending.clear();
  };
  function send<T extends WorkerRequestBody>(body: T): Promise<WorkerReplies[T['type']]> {
    const id = nextId++;
    return new Promise((resolve, reject) => {
      pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
      worker.postMessage({ ...body, id });
    });
  }
  return {
    version: () => send({ type: 'version' }),
    load: (bytes: Uint8Array) => send({ type: 'load', bytes }),
    rebuild: async (docs: SearchDoc[]) => void (await send({ type: 'rebuild', docs })),
    apply: async (upserts: SearchDoc[], removes: string[]) => void (await send({ type: 'apply', upserts, removes })),
    serialize: () => send({ type: 'serialize' }),
    search: (query: string, options: SearchOptions) => send({ type: 'search', query, options }),
    dispose: () => worker.terminate(),
  };
}

/** Starts the app's search worker. */
export function startSearchWorker(): SearchClient {
  return createSearchClient(new Worker(new URL('./search.worker.ts', import.meta.url), { type: 'module' }));
}
