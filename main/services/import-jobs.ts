// Import jobs run in the background: the call that starts one answers its id at once, progress and
// the summary arrive as events. Files are imported in batches (archive/import.ts), each under the
// write lock only while it is written, so edits made during a long import are not held up by it; each
// file is read, parsed and prepared in an ingest worker thread; cancelling stops between files.
import { randomBytes } from 'node:crypto';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ImportSummary } from '../../shared/api';
import type { Archive, ImportProgress, ImportResult } from '../archive';
import { preparePageInWorker } from '../ingest/worker-client';
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

/** Least time between two progress events (a 20,000-file import must not send 20,000 of them). */
const PROGRESS_EVERY_MS = 100;

/** Imports the plan's files in batches, announcing progress and changes; always ends with import-done. */
async function runImportJob(deps: JobDeps, jobId: string, plan: JobPlan, signal: AbortSignal): Promise<void> {
  const { events } = deps;
  const archive = deps.getArchive();
  const summary: ImportSummary = { jobId, added: 0, merged: 0, duplicates: 0, failed: [], files: [], cancelled: false };
  const nameOf = (path: string) => plan.displayNames.get(path) ?? path;
  let lastProgress = -Infinity;
  const onProgress = ({ step, done, total, file }: ImportProgress) => {
    const at = performance.now();
    if (step === 'importing' && done > 0 && at - lastProgress < PROGRESS_EVERY_MS) return;
    lastProgress = at;
    events.emit('import-progress', { jobId, step, done, total, ...(file === undefined ? {} : { file: nameOf(file) }) });
  };
  try {
    // Pages are read, parsed and prepared in the ingest workers (a 50 MB or pathological page never
    // stalls the app); each batch takes the write lock only while it is absorbed and written, so an
    // edit made during a long import waits for one batch at most.
    const result = await archive.importPaths(plan.paths, {
      preparer: preparePageInWorker,
      serialize: (task) => deps.lock.run(task),
      signal,
      onProgress,
      onBatchWritten: (items) => events.emit('items-changed', { items, collections: [], reset: false }),
    });
    addToSummary(summary, result, nameOf);
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

function addToSummary(summary: ImportSummary, result: ImportResult, nameOf: (path: string) => string): void {
  for (const file of result.files) summary.files.push({ ...file, file: nameOf(file.file) });
  for (const failure of result.failed) summary.failed.push({ ...failure, file: nameOf(failure.file) });
  if (result.stopped) {
    const { code, message, notImported } = result.stopped;
    const untried = notImported > 0 ? ` ${notImported} more file(s) were not imported.` : '';
    summary.failed.push({ file: '', code, message: `${message} The import stopped there.${untried} Importing the same files again finishes the job.` });
  }
  summary.added += result.added;
  summary.merged += result.merged;
  summary.duplicates += result.duplicates;
  summary.cancelled = result.cancelled;
}
