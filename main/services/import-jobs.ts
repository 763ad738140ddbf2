// Import jobs run in the background: the call that starts one answers its id at once, progress and
// the summary arrive as events. Files are imported one at a time under the write lock, so edits made
// during a long import are not held up by it; each file is read and parsed in the ingest worker
// thread; cancelling stops between files.
import { randomBytes } from 'node:crypto';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ImportSummary } from '../../shared/api';
import type { Item } from '../../shared/model';
import type { Archive } from '../archive';
import { expandImportPaths } from '../archive/import';
import { runWithPageReader } from '../ingest';
import { readPageInWorker } from '../ingest/worker-client';
import { toApiError } from './errors';
import type { EventHub } from './events';
import { safeFileName } from './safe-file-name';
import type { WriteLock } from './write-lock';

/** A file handed over with its bytes (drag and drop, browser upload). */
export interface IncomingFile {
  name: string;
  bytes: Uint8Array;
}

export interface ImportJobs {
  /** Starts importing files and folders on disk; answers the job id at once. */
  startPaths(paths: string[]): string;
  /** Stores the files in the archive's cache folder, then imports them as startPaths does. */
  startFiles(files: IncomingFile[]): Promise<string>;
  /** Asks a running job to stop after the current file; false when no such job runs. */
  cancel(jobId: string): boolean;
  cancelAll(): void;
  /** Resolves when no job runs (tests, shutdown). */
  whenIdle(): Promise<void>;
}

interface JobPlan {
  paths: string[];
  /** The name to report for a path (dropped files live under a temp name). */
  displayNames: Map<string, string>;
  cleanup?: () => Promise<void>;
}

interface JobDeps {
  getArchive: () => Archive;
  lock: WriteLock;
  events: EventHub;
}

/** Imports the plan's files one by one, announcing progress and changes; always ends with import-done. */
async function runImportJob(deps: JobDeps, jobId: string, plan: JobPlan, signal: AbortSignal): Promise<void> {
  const { events } = deps;
  const archive = deps.getArchive();
  const summary: ImportSummary = { jobId, added: 0, merged: 0, duplicates: 0, failed: [], files: [], cancelled: false };
  const nameOf = (path: string) => plan.displayNames.get(path) ?? path;
  try {
    events.emit('import-progress', { jobId, step: 'listing', done: 0, total: plan.paths.length });
    const files = await expandImportPaths(plan.paths, archive.dir);
    const known = snapshotItems(archive);
    for (const [done, file] of files.entries()) {
      if (signal.aborted) {
        summary.cancelled = true;
        break;
      }
      events.emit('import-progress', { jobId, step: 'importing', done, total: files.length, file: nameOf(file) });
      // Reading and parsing run in the ingest worker: a 50 MB or pathological page never stalls the app.
      const result = await deps.lock.run(() => runWithPageReader(readPageInWorker, () => archive.importPaths([file])));
      addToSummary(summary, result, nameOf(file));
      const changed = refreshSnapshot(known, archive);
      if (changed.length > 0) events.emit('items-changed', { items: changed, collections: [], reset: false });
    }
    events.emit('import-progress', { jobId, step: 'done', done: summary.files.length, total: files.length });
  } catch (error) {
    const { code, message } = toApiError(error);
    summary.failed.push({ file: '', code, message });
  }
  events.emit('import-done', summary);
}

/** Writes dropped files under `folder`, one sub-folder each; answers the plan that imports them. */
async function stageFiles(folder: string, files: IncomingFile[]): Promise<JobPlan> {
  const displayNames = new Map<string, string>();
  const paths: string[] = [];
  try {
    for (const [index, file] of files.entries()) {
      // One folder per file: the ingest records the file's own name, and two drops may share one.
      const path = join(folder, String(index), safeFileName(file.name));
      await mkdir(join(folder, String(index)), { recursive: true });
      await writeFile(path, file.bytes);
      paths.push(path);
      displayNames.set(path, file.name);
    }
  } catch (error) {
    await rm(folder, { recursive: true, force: true });
    throw error;
  }
  return { paths, displayNames, cleanup: () => rm(folder, { recursive: true, force: true }) };
}

export function createImportJobs(deps: JobDeps): ImportJobs {
  const running = new Map<string, { controller: AbortController; done: Promise<void> }>();

  function start(jobId: string, plan: JobPlan): string {
    const controller = new AbortController();
    const done = runImportJob(deps, jobId, plan, controller.signal)
      .finally(() => plan.cleanup?.().catch(() => undefined))
      .finally(() => running.delete(jobId));
    running.set(jobId, { controller, done });
    return jobId;
  }

  return {
    startPaths: (paths) => start(newJobId(), { paths, displayNames: new Map() }),
    async startFiles(files) {
      const jobId = newJobId();
      return start(jobId, await stageFiles(join(deps.getArchive().dir, '.annals', 'incoming', jobId), files));
    },
    cancel(jobId) {
      const job = running.get(jobId);
      if (!job || job.controller.signal.aborted) return false;
      job.controller.abort();
      return true;
    },
    cancelAll() {
      for (const job of running.values()) job.controller.abort();
    },
    async whenIdle() {
      while (running.size > 0) await Promise.all([...running.values()].map((job) => job.done));
    },
  };
}

function newJobId(): string {
  return randomBytes(8).toString('hex');
}

type ImportResult = Awaited<ReturnType<Archive['importPaths']>>;

function addToSummary(summary: ImportSummary, result: ImportResult, name: string): void {
  for (const file of result.files) summary.files.push({ ...file, file: name });
  for (const failure of result.failed) summary.failed.push({ ...failure, file: name });
  summary.added += result.added;
  summary.merged += result.merged;
  summary.duplicates += result.duplicates;
}

function snapshotItems(archive: Archive): Map<string, Item> {
  return new Map(archive.itemIndex.all().map(({ item }) => [item.id, item]));
}

/** Ids changed since the snapshot; the snapshot is brought up to date. */
function refreshSnapshot(known: Map<string, Item>, archive: Archive): string[] {
  const changed: string[] = [];
  const seen = new Set<string>();
  for (const { item } of archive.itemIndex.all()) {
    seen.add(item.id);
    if (known.get(item.id) === item) continue;
    changed.push(item.id);
    known.set(item.id, item);
  }
  for (const id of [...known.keys()]) {
    if (seen.has(id)) continue;
    changed.push(id);
    known.delete(id);
  }
  return changed;
}
