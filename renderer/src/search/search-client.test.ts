import { describe, expect, it } from 'vitest';
import { handleRequest } from './handle-request';
import { createLocalIndexer } from './local-indexer';
import type { WorkerRequest } from './protocol';
import { createSearchClient, SearchWorkerError } from './search-client';

// A stand-in for a Worker: runs the real dispatcher in-process, answering asynchronously.
class InProcessWorker {
  onmessage: ((event: MessageEvent) => void) | null = null;
  onerror: ((event: ErrorEvent) => void) | null = null;
  private readonly indexer = createLocalIndexer();
  postMessage(request: WorkerRequest): void {
    void handleRequest(this.indexer, request).then((data) => this.onmessage?.({ data } as MessageEvent));
  }
  terminate(): void {}
}

describe('search client', () => {
  it('indexes, searches and serializes through the typed protocol', async () => {
    const client = createSearchClient(new InProcessWorker() as unknown as Worker);
    await client.rebuild([
      { id: 'a1', title: 'Summit in Minsk', text: 'Leaders met', date: '2024-05-01', lang: 'en', tags: { state: ['Belarus'], organ: [], exercise: [], person: [] }, note: '', highlights: [], status: 'unread', collections: [] },
    ]);
    const result = await client.search('Minsk', {});
    expect(result.hits.map((h) => h.id)).toEqual(['a1']);
    const fresh = createSearchClient(new InProcessWorker() as unknown as Worker);
    expect(await fresh.load(await client.serialize())).toBe(true);
    expect((await fresh.search('state:Belarus', {})).total).toBe(1);
  });

  it('runs one search at a time and skips the searches a newer one replaced while they waited', async () => {
    const sent: string[] = [];
    const worker = new InProcessWorker();
    const post = worker.postMessage.bind(worker);
    worker.postMessage = (request: WorkerRequest) => {
      if (request.type === 'search') sent.push(request.query);
      post(request);
    };
    const client = createSearchClient(worker as unknown as Worker);
    const searches = ['s', 'su', 'sum', 'summ'].map((query) => client.search(query, {}));
    const outcomes = await Promise.allSettled(searches);
    expect(sent).toEqual(['s', 'summ']);
    expect(outcomes.map((o) => (o.status === 'rejected' ? (o.reason as SearchWorkerError).code : 'answered'))).toEqual(['answered', 'superseded', 'superseded', 'answered']);
  });

  it('moves the bytes of an index to load to the worker instead of copying them', async () => {
    const transfers: Transferable[][] = [];
    const worker = { postMessage: (_: unknown, transfer: Transferable[]) => void transfers.push(transfer), terminate() {}, onmessage: null, onerror: null };
    const client = createSearchClient(worker as unknown as Worker);
    const bytes = new Uint8Array(8);
    void client.load(bytes);
    expect(transfers).toEqual([[bytes.buffer]]);
  });

  it('fails pending requests when the worker errors', async () => {
    const worker = { postMessage() {}, terminate() {}, onmessage: null, onerror: null as ((e: ErrorEvent) => void) | null };
    const client = createSearchClient(worker as unknown as Worker);
    const pending = client.search('x', {});
    worker.onerror?.({ message: 'boom' } as ErrorEvent);
    await expect(pending).rejects.toBeInstanceOf(SearchWorkerError);
  });
});
