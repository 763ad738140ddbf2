/// <reference lib="webworker" />
// The search worker owns the SearchIndex so building and querying never stall typing.
import { handleRequest } from './handle-request';
import { createLocalIndexer } from './local-indexer';
import type { WorkerRequest, WorkerResponse } from './protocol';

// A serialized index is a fresh buffer nothing else views: move it rather than copy it.
function listTransferables(response: WorkerResponse): Transferable[] {
  const value = response.ok ? response.value : null;
  return value instanceof Uint8Array && value.byteOffset === 0 && value.byteLength === value.buffer.byteLength ? [value.buffer] : [];
}

// The client transfers the saved index's bytes: the worker is their only holder.
const indexer = createLocalIndexer({ isLoadOwning: true });
const scope = self as unknown as DedicatedWorkerGlobalScope;
// Requests run one after another: an `apply` must finish before a later `search` reads the index.
let queue: Promise<unknown> = Promise.resolve();

scope.onmessage = (event: MessageEvent<WorkerRequest>) => {
  queue = queue.then(async () => {
    const response = await handleRequest(indexer, event.data);
    scope.postMessage(response, listTransferables(response));
  });
};
