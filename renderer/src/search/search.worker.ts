/// <reference lib="webworker" />
// The search worker owns the SearchIndex so building and querying never stall typing.
import { handleRequest } from './handle-request';
import { createLocalIndexer } from './local-indexer';
import type { WorkerRequest } from './protocol';

const indexer = createLocalIndexer();
const scope = self as unknown as DedicatedWorkerGlobalScope;
// Requests run one after another: an `apply` must finish before a later `search` reads the index.
let queue: Promise<unknown> = Promise.resolve();

scope.onmessage = (event: MessageEvent<WorkerRequest>) => {
  queue = queue.then(async () => scope.postMessage(await handleRequest(indexer, event.data)));
};
