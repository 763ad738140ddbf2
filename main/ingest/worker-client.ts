// The main-thread side of the ingest worker: one long-lived worker thread, started on first use,
// restarted after a crash. A file that takes too long or exhausts the worker's heap fails alone,
// with a clear message; the app's own thread and memory are never at stake.
import { existsSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { CompiledTaxonomy } from '../../shared/taxonomy';
import { IngestError, type IngestErrorCode, type PageReader, type ReadPageResult } from './index';
import type { IngestReply, IngestRequest } from './worker';

/** Longest time one file may take in the worker before it is stopped. */
export const INGEST_TIMEOUT_MS = 120_000;
/** Heap the worker may use: a hostile file that needs more fails, the app does not. */
const WORKER_HEAP_MB = 2048;

/**
 * Where the worker's code is: next to this file as TypeScript when running from source (tsx, vitest:
 * the worker loads tsx itself), or as the `ingest-worker.js` entry that electron-vite builds beside
 * the main bundle (out/main/).
 */
export function startWorkerThread(heapMb: number): Worker {
  const here = fileURLToPath(import.meta.url);
  const resourceLimits = { maxOldGenerationSizeMb: heapMb };
  if (here.endsWith('.ts')) {
    // Node 20 applies no ESM loader hooks (`--import tsx`, module.register) inside a worker, so the
    // bootstrap installs tsx's CommonJS require hook instead, which compiles the TypeScript entry.
    const tsxRequireHook = createRequire(import.meta.url).resolve('tsx/cjs');
    const entry = join(dirname(here), 'worker.ts');
    const bootstrap = `require(${JSON.stringify(tsxRequireHook)}); require(${JSON.stringify(entry)});`;
    return new Worker(bootstrap, { eval: true, resourceLimits });
  }
  const candidates = [join(dirname(here), 'ingest-worker.js'), join(dirname(here), '..', 'ingest-worker.js')];
  const found = candidates.find((candidate) => existsSync(candidate));
  if (!found) throw new Error(`the ingest worker is missing (looked for ${candidates.join(', ')})`);
  return new Worker(found, { resourceLimits });
}

interface Pending {
  file: string;
  resolve: (result: ReadPageResult) => void;
  reject: (error: Error) => void;
  timer: NodeJS.Timeout;
}

class IngestWorker {
  private worker: Worker | null = null;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;

  read(path: string, taxonomy: CompiledTaxonomy, timeoutMs: number): Promise<ReadPageResult> {
    const file = basename(path);
    let worker: Worker;
    try {
      worker = this.ensure();
    } catch (error) {
      return Promise.reject(new IngestError('worker-failed', file, `the importer could not start (${(error as Error).message})`));
    }
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => this.fail('timed-out', `reading the file took longer than ${timeoutMs / 1000} s; it was stopped`, id), timeoutMs);
      this.pending.set(id, { file, resolve, reject, timer });
      worker.ref(); // a pending file keeps the process alive; an idle worker does not
      const request: IngestRequest = { id, path, taxonomy: taxonomy.file };
      worker.postMessage(request);
    });
  }

  stop(): Promise<void> {
    const worker = this.worker;
    this.worker = null;
    this.fail('worker-failed', 'the importer was stopped');
    return worker ? worker.terminate().then(() => undefined) : Promise.resolve();
  }

  private ensure(): Worker {
    if (this.worker) return this.worker;
    const worker = startWorkerThread(WORKER_HEAP_MB);
    worker.on('message', (reply: IngestReply) => this.settle(reply));
    worker.on('error', (error) => this.crashed(worker, `the importer failed while reading the file (${error.message})`));
    worker.on('exit', (code) => this.crashed(worker, `the importer stopped while reading the file (exit code ${code})`));
    worker.unref();
    this.worker = worker;
    return worker;
  }

  private settle(reply: IngestReply): void {
    const entry = this.pending.get(reply.id);
    if (!entry) return;
    this.finish(reply.id, entry);
    if (reply.ok) entry.resolve(reply.result);
    else if (reply.error.isIngest) entry.reject(new IngestError(reply.error.code as IngestErrorCode, reply.error.file, reply.error.message));
    else entry.reject(new IngestError('worker-failed', entry.file, reply.error.message));
  }

  private crashed(worker: Worker, problem: string): void {
    if (this.worker !== worker) return;
    this.worker = null;
    this.fail('worker-failed', problem);
  }

  /** Fails one pending file (`only`) or all; a timed-out worker is killed since it may never answer. */
  private fail(code: IngestErrorCode, problem: string, only?: number): void {
    for (const [id, entry] of [...this.pending]) {
      if (only !== undefined && id !== only) continue;
      this.finish(id, entry);
      entry.reject(new IngestError(code, entry.file, problem));
    }
    if (code === 'timed-out' && this.worker) {
      const worker = this.worker;
      this.worker = null;
      this.fail('worker-failed', 'the importer was restarted after another file took too long');
      void worker.terminate();
    }
  }

  private finish(id: number, entry: Pending): void {
    clearTimeout(entry.timer);
    this.pending.delete(id);
    if (this.pending.size === 0) this.worker?.unref();
  }
}

const shared = new IngestWorker();

/** Reads, decodes, parses and tags a file in the shared ingest worker thread. Throws IngestError. */
export const readPageInWorker: PageReader = (path, taxonomy) => shared.read(path, taxonomy, INGEST_TIMEOUT_MS);

/** A page reader with its own time limit (tests of the limit). */
export function readPageInWorkerWithin(timeoutMs: number): PageReader {
  return (path, taxonomy) => shared.read(path, taxonomy, timeoutMs);
}

/** Stops the shared worker (shutdown, tests); the next read starts a new one. */
export function stopIngestWorker(): Promise<void> {
  return shared.stop();
}
