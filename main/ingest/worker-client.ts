// The main-thread side of the ingest workers: a small pool of long-lived worker threads, started on
// first use, restarted after a crash. A file that takes too long or exhausts a worker's heap fails
// alone, with a clear message; the app's own thread and memory are never at stake. Each worker gets
// at most two files at a time (one working, one waiting, so it never idles for a round trip); the
// rest wait here, so a file's time limit runs only while its worker is on it.
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { CompiledTaxonomy, TaxonomyFile } from '../../shared/taxonomy';
import type { PagePreparer, PreparedPage } from '../archive/import-prepare';
import { IngestError, type IngestErrorCode, type PageReader, type ReadPageResult } from './index';
import type { IngestReply, IngestRequest } from './worker';

/** Longest time one file may take in the worker before it is stopped. */
export const INGEST_TIMEOUT_MS = 120_000;
/** Heap a worker may use: a hostile file that needs more fails, the app does not. */
const WORKER_HEAP_MB = 2048;
/** Files handed to one worker at once. */
const PER_WORKER = 2;

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

type Outcome = { result: ReadPageResult } | { prepared: PreparedPage };

interface Job {
  id: number;
  path: string;
  file: string;
  taxonomy: CompiledTaxonomy;
  now?: string;
  timeoutMs: number;
  resolve: (outcome: Outcome) => void;
  reject: (error: Error) => void;
}

// Each distinct taxonomy file gets a number; a worker is sent the file only when its number changes.
const taxonomyKeys = new WeakMap<TaxonomyFile, number>();
let nextTaxonomyKey = 1;
function keyOf(file: TaxonomyFile): number {
  let key = taxonomyKeys.get(file);
  if (key === undefined) {
    key = nextTaxonomyKey++;
    taxonomyKeys.set(file, key);
  }
  return key;
}

/** One worker thread and the files it holds, in the order it works on them. */
class Slot {
  readonly jobs: Job[] = [];
  private timer: NodeJS.Timeout | null = null;
  private sentKey = 0;

  constructor(
    readonly worker: Worker,
    private readonly onTimeout: (slot: Slot) => void,
  ) {}

  send(job: Job): void {
    const key = keyOf(job.taxonomy.file);
    const request: IngestRequest = { id: job.id, path: job.path, taxonomyKey: key, now: job.now };
    if (key !== this.sentKey) request.taxonomy = job.taxonomy.file;
    this.sentKey = key;
    this.jobs.push(job);
    this.worker.ref(); // a pending file keeps the process alive; an idle worker does not
    this.worker.postMessage(request);
    if (this.jobs.length === 1) this.armTimer();
  }

  /** Removes the file the worker answered (always the first: it works in order). */
  take(id: number): Job | undefined {
    if (this.jobs[0]?.id !== id) return undefined;
    const job = this.jobs.shift();
    this.clearTimer();
    if (this.jobs.length > 0) this.armTimer();
    else this.worker.unref();
    return job;
  }

  clearTimer(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  private armTimer(): void {
    const head = this.jobs[0];
    if (head) this.timer = setTimeout(() => this.onTimeout(this), head.timeoutMs);
  }
}

class IngestPool {
  private slots: Slot[] = [];
  private readonly waiting: Job[] = [];
  private nextId = 1;

  constructor(private size: number) {}

  get workers(): number {
    return this.size;
  }

  resize(size: number): void {
    this.size = Math.max(1, Math.floor(size));
  }

  run(path: string, taxonomy: CompiledTaxonomy, timeoutMs: number, now?: string): Promise<Outcome> {
    return new Promise((resolve, reject) => {
      this.waiting.push({ id: this.nextId++, path, file: basename(path), taxonomy, now, timeoutMs, resolve, reject });
      this.dispatch();
    });
  }

  stop(): Promise<void> {
    const slots = this.slots;
    this.slots = [];
    for (const job of [...slots.flatMap((slot) => slot.jobs), ...this.waiting.splice(0)]) {
      job.reject(new IngestError('worker-failed', job.file, 'the importer was stopped'));
    }
    for (const slot of slots) slot.clearTimer();
    return Promise.all(slots.map((slot) => slot.worker.terminate())).then(() => undefined);
  }

  private dispatch(): void {
    while (this.waiting.length > 0) {
      const slot = this.freeSlot();
      if (!slot) return;
      slot.send(this.waiting.shift() as Job);
    }
  }

  /** The least busy worker with room, starting one when the pool is not full; null when all are busy. */
  private freeSlot(): Slot | null {
    const idle = this.slots.filter((slot) => slot.jobs.length < PER_WORKER).sort((a, b) => a.jobs.length - b.jobs.length)[0];
    if (idle && idle.jobs.length === 0) return idle;
    if (this.slots.length < this.size) {
      try {
        return this.start();
      } catch (error) {
        for (const job of this.waiting.splice(0)) {
          job.reject(new IngestError('worker-failed', job.file, `the importer could not start (${(error as Error).message})`));
        }
        return null;
      }
    }
    return idle ?? null;
  }

  private start(): Slot {
    const worker = startWorkerThread(WORKER_HEAP_MB);
    const slot = new Slot(worker, (timedOut) => this.timedOut(timedOut));
    worker.on('message', (reply: IngestReply) => this.settle(slot, reply));
    worker.on('error', (error) => this.crashed(slot, `the importer failed while reading the file (${error.message})`));
    worker.on('exit', (code) => this.crashed(slot, `the importer stopped while reading the file (exit code ${code})`));
    worker.unref();
    this.slots.push(slot);
    return slot;
  }

  private settle(slot: Slot, reply: IngestReply): void {
    const job = slot.take(reply.id);
    if (job) {
      if (!reply.ok) {
        const code = (reply.error.isIngest ? reply.error.code : 'worker-failed') as IngestErrorCode;
        job.reject(new IngestError(code, reply.error.isIngest ? reply.error.file : job.file, reply.error.message));
      } else job.resolve(reply.prepared ? { prepared: reply.prepared } : { result: reply.result as ReadPageResult });
    }
    this.dispatch();
  }

  /** A worker that died fails the file it was on; the file waiting behind it goes to another worker. */
  private crashed(slot: Slot, problem: string): void {
    this.retire(slot, 'worker-failed', problem);
  }

  /** The worker may never answer: it is killed, its current file fails as timed out. */
  private timedOut(slot: Slot): void {
    const head = slot.jobs[0];
    if (!head) return;
    this.retire(slot, 'timed-out', `reading the file took longer than ${head.timeoutMs / 1000} s; it was stopped`);
    void slot.worker.terminate();
  }

  private retire(slot: Slot, code: IngestErrorCode, problem: string): void {
    if (!this.slots.includes(slot)) return;
    this.slots = this.slots.filter((other) => other !== slot);
    slot.clearTimer();
    const [culprit, ...innocent] = slot.jobs.splice(0);
    this.waiting.unshift(...innocent);
    culprit?.reject(new IngestError(code, culprit.file, problem));
    this.dispatch();
  }
}

/** Ingest workers for this machine: one core is left to the main thread (at least one worker, at most two). */
export function defaultIngestWorkers(): number {
  return Math.max(1, Math.min(2, availableParallelism() - 1));
}

const shared = new IngestPool(defaultIngestWorkers());

/** Reads, decodes, parses and tags a file in an ingest worker thread. Throws IngestError. */
export const readPageInWorker: PageReader = (path, taxonomy) => readWithin(path, taxonomy, INGEST_TIMEOUT_MS);

async function readWithin(path: string, taxonomy: CompiledTaxonomy, timeoutMs: number): Promise<ReadPageResult> {
  const outcome = await shared.run(path, taxonomy, timeoutMs);
  if (!('result' in outcome)) throw new IngestError('worker-failed', basename(path), 'the importer answered with the wrong kind of result');
  return outcome.result;
}

/** A page reader with its own time limit (tests of the limit). */
export function readPageInWorkerWithin(timeoutMs: number): PageReader {
  return (path, taxonomy) => readWithin(path, taxonomy, timeoutMs);
}

/** Reads a page and builds and serializes its items in an ingest worker (see import-prepare.ts). Throws IngestError. */
export const preparePageInWorker: PagePreparer = async (path, taxonomy, now) => {
  const outcome = await shared.run(path, taxonomy, INGEST_TIMEOUT_MS, now);
  if (!('prepared' in outcome)) throw new IngestError('worker-failed', basename(path), 'the importer answered with the wrong kind of result');
  return outcome.prepared;
};

/** How many worker threads the pool may run (the next files use the new size). */
export function setIngestWorkerCount(count: number): void {
  shared.resize(count);
}

/** How many worker threads the pool may run. */
export function ingestWorkerCount(): number {
  return shared.workers;
}

/** Stops the workers (shutdown, tests); the next read starts new ones. */
export function stopIngestWorker(): Promise<void> {
  return shared.stop();
}
