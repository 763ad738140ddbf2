// Import throughput to disk: generated pages imported through the archive as the app does it (read,
// parsed and prepared in the ingest workers, absorbed and written in journaled batches), against
// plain writeFile of the very same bytes to the same paths, and against writing them durably with the
// archive's own atomic writes one page at a time. While the import runs, the main thread's event-loop
// delay is sampled: its max is the longest the app would have been unresponsive.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { openArchive, writeFilesAtomic } from '../main/archive';
import { ingestWorkerCount, preparePageInWorker, stopIngestWorker } from '../main/ingest/worker-client';
import type { Item } from '../shared/model';
import { toPageText } from './generate';
import { now } from './measure';

export interface ImportFigures {
  items: number;
  added: number;
  failed: number;
  ms: number;
  itemsPerSec: number;
  bytesWritten: number;
  filesWritten: number;
  rawWriteMs: number;
  rawWriteItemsPerSec: number;
  /** The same files written durably (the archive's own writeFilesAtomic, one page's files per call). */
  atomicWriteMs: number;
  atomicWriteItemsPerSec: number;
  /** Longest the main thread's event loop was held up during the import (ms, sampled every 5 ms). */
  eventLoopMaxMs: number;
  eventLoopP99Ms: number;
  /** Ingest worker threads that parsed the pages. */
  workers: number;
  /**
   * CPU time per item added, of the whole process (main, ingest workers, libuv's threads): user
   * (JavaScript, hashing) and system (the kernel's work for the file-system calls), in ms.
   */
  cpuPerItemMs: { user: number; system: number };
  /** The same for the plain writes of the same files: the kernel's floor for creating them. */
  rawWriteCpuPerItemMs: { user: number; system: number };
}

interface WrittenFile {
  path: string;
  data: string | Uint8Array;
}

async function writePages(dir: string, items: Item[]): Promise<void> {
  await mkdir(dir, { recursive: true });
  // 100 pages per folder, as a curator's downloads would be split; the folder listing stays cheap.
  for (const [index, item] of items.entries()) {
    const folder = join(dir, String(Math.floor(index / 100)).padStart(4, '0'));
    if (index % 100 === 0) await mkdir(folder, { recursive: true });
    await writeFile(join(folder, `page-${String(index).padStart(6, '0')}.txt`), toPageText(item));
  }
}

async function writeRaw(dir: string, files: WrittenFile[]): Promise<void> {
  const made = new Set<string>();
  for (const file of files) {
    const folder = dirname(join(dir, file.path));
    if (!made.has(folder)) {
      await mkdir(folder, { recursive: true });
      made.add(folder);
    }
    await writeFile(join(dir, file.path), file.data);
  }
}

async function writeAtomic(dir: string, files: WrittenFile[], filesPerPage: number): Promise<void> {
  for (let i = 0; i < files.length; i += filesPerPage) {
    await writeFilesAtomic(files.slice(i, i + filesPerPage).map((file) => ({ path: join(dir, file.path), data: file.data })));
  }
}

function cpuPerItem(since: NodeJS.CpuUsage, items: number) {
  const used = process.cpuUsage(since);
  const per = (micros: number) => Math.round((micros / 1000 / Math.max(1, items)) * 1000) / 1000;
  return { user: per(used.user), system: per(used.system) };
}

/** Imports the items as one page each into a fresh archive in a temp folder, then removes it. */
export async function measureImport(items: Item[]): Promise<ImportFigures> {
  const root = await mkdtemp(join(tmpdir(), 'annals-bench-'));
  try {
    const pages = join(root, 'pages');
    await writePages(pages, items);
    const archive = await openArchive(join(root, 'archive'), { create: true });
    const written: WrittenFile[] = [];
    archive.observeWrites((path, data) => {
      if (data !== null) written.push({ path: relative(archive.dir, path), data });
    });
    // Started before the clock so the first pages do not pay for starting the worker threads.
    await preparePageInWorker(join(pages, '0000', 'page-000000.txt'), await archive.taxonomy(), new Date().toISOString());
    const delay = monitorEventLoopDelay({ resolution: 5 });
    const start = now();
    const cpuStart = process.cpuUsage();
    delay.enable();
    const result = await archive.importPaths([pages], { preparer: preparePageInWorker });
    delay.disable();
    const ms = now() - start;
    const cpuPerItemMs = cpuPerItem(cpuStart, result.added);
    await archive.close();
    const rawStart = now();
    const rawCpuStart = process.cpuUsage();
    await writeRaw(join(root, 'raw'), written);
    const rawWriteMs = now() - rawStart;
    const rawWriteCpuPerItemMs = cpuPerItem(rawCpuStart, result.added);
    const added = result.added;
    const atomicStart = now();
    await writeAtomic(join(root, 'atomic'), written, Math.max(1, Math.round(written.length / Math.max(1, added))));
    const atomicWriteMs = now() - atomicStart;
    return {
      items: items.length,
      added,
      failed: result.failed.length,
      ms,
      itemsPerSec: added / (ms / 1000),
      bytesWritten: written.reduce((sum, file) => sum + Buffer.byteLength(file.data), 0),
      filesWritten: written.length,
      rawWriteMs,
      rawWriteItemsPerSec: added / (rawWriteMs / 1000),
      atomicWriteMs,
      atomicWriteItemsPerSec: added / (atomicWriteMs / 1000),
      eventLoopMaxMs: Math.round(delay.max / 1e5) / 10,
      eventLoopP99Ms: Math.round(delay.percentile(99) / 1e5) / 10,
      workers: ingestWorkerCount(),
      cpuPerItemMs,
      rawWriteCpuPerItemMs,
    };
  } finally {
    await stopIngestWorker();
    await rm(root, { recursive: true, force: true });
  }
}
