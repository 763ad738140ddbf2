// The worker's dispatcher, kept apart from the worker global so it can be tested directly.
import type { LocalIndexer } from './local-indexer';
import type { WorkerReplies, WorkerRequest, WorkerResponse } from './protocol';

async function answer(indexer: LocalIndexer, request: WorkerRequest): Promise<WorkerReplies[keyof WorkerReplies]> {
  switch (request.type) {
    case 'version':
      return indexer.version();
    case 'load':
      return indexer.load(request.bytes);
    case 'load-saved':
      return indexer.loadSaved(request.database);
    case 'rebuild':
      await indexer.rebuild(request.docs);
      return null;
    case 'apply':
      await indexer.apply(request.upserts, request.removes);
      return null;
    case 'serialize':
      return indexer.serialize();
    case 'search':
      return indexer.search(request.query, request.options);
  }
}

/** Runs one request against the indexer; failures become a typed error response. */
export async function handleRequest(indexer: LocalIndexer, request: WorkerRequest): Promise<WorkerResponse> {
  try {
    return { id: request.id, ok: true, value: await answer(indexer, request) };
  } catch (caught) {
    return { id: request.id, ok: false, error: { code: 'search-worker-error', message: String(caught) } };
  }
}
