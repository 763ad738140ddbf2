// Import throughput to disk: generated pages imported through the archive (parse, dedupe, atomic
// writes of items and sources), against plain writeFile of the very same bytes to the same paths,
// and against writing them durably with the archive's own atomic writes (the fsync floor).
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { openArchive, writeFilesAtomic } from '../main/archive';
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
    const start = now();
    const result = await archive.importPaths([pages]);
    const ms = now() - start;
    const rawStart = now();
    await writeRaw(join(root, 'raw'), written);
    const rawWriteMs = now() - rawStart;
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
    };
  } finally {
    await rm(root, { recursive: true, force: true });
  }
}
