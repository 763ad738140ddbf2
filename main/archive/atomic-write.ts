// Crash-safe file writes. A plain writeFile truncates the target first, so a crash or a full disk
// leaves a partial file; here the new content goes to a temp file in the same folder, is fsynced,
// renamed over the target (atomic on one file system) and the folder is fsynced so the rename
// itself survives a power loss (STACK.md: 0 damaged files in 200 kill -9s).
import { randomBytes } from 'node:crypto';
import * as nodeFs from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/** The part of node:fs/promises the writer uses; tests inject a shim to simulate failures. */
export interface AtomicFs {
  open: typeof nodeFs.open;
  rename: typeof nodeFs.rename;
  unlink: typeof nodeFs.unlink;
  mkdir: typeof nodeFs.mkdir;
}

export interface AtomicOptions {
  fs?: AtomicFs;
}

export interface FileWrite {
  path: string;
  data: string | Uint8Array;
}

const TEMP_NAME = /^\..+\.[0-9a-f]{12}\.tmp$/;

/** True for a name this module uses for its temp files (`.<name>.<random>.tmp`). */
export function isTempFileName(name: string): boolean {
  return TEMP_NAME.test(name);
}

function tempPathFor(path: string): string {
  return join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
}

/** Writes `data` to a new temp file beside `path` and fsyncs it; answers the temp file's path. */
export async function stageFile(fs: AtomicFs, path: string, data: string | Uint8Array): Promise<string> {
  const temp = tempPathFor(path);
  const handle = await fs.open(temp, 'wx', 0o644);
  try {
    try {
      await handle.writeFile(data);
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch (error) {
    await fs.unlink(temp).catch(() => undefined);
    throw error;
  }
  return temp;
}

/** fsyncs a folder so renames and unlinks in it are durable. Some platforms refuse; that is not fatal. */
export async function syncFolder(dir: string, fs: AtomicFs = nodeFs): Promise<void> {
  let handle: nodeFs.FileHandle | undefined;
  try {
    handle = await fs.open(dir, 'r');
    await handle.sync();
  } catch {
    // Windows cannot open a directory for fsync; its rename is already durable enough (MoveFileEx).
  } finally {
    await handle?.close().catch(() => undefined);
  }
}

/** Writes one file atomically: either the old content or the new one survives, never a mix. */
export async function writeFileAtomic(
  path: string,
  data: string | Uint8Array,
  options: AtomicOptions = {},
): Promise<void> {
  await writeFilesAtomic([{ path, data }], options);
}

/**
 * Writes many files, each atomically, creating their folders, and fsyncs every touched folder once
 * at the end instead of once per file (an import writes hundreds of files).
 */
export async function writeFilesAtomic(files: FileWrite[], options: AtomicOptions = {}): Promise<void> {
  const fs = options.fs ?? nodeFs;
  const folders = new Set<string>();
  for (const file of files) {
    const dir = dirname(file.path);
    if (!folders.has(dir)) await fs.mkdir(dir, { recursive: true });
    folders.add(dir);
    const temp = await stageFile(fs, file.path, file.data);
    try {
      await fs.rename(temp, file.path);
    } catch (error) {
      await fs.unlink(temp).catch(() => undefined);
      throw error;
    }
  }
  for (const dir of folders) await syncFolder(dir, fs);
}

/**
 * Runs `task` for every item with at most `limit` in flight (fsyncs are cheap side by side, slow one
 * after another). On the first failure no new task starts; the ones in flight are waited for, so
 * nothing is still writing when the caller cleans up, and that first error is thrown.
 */
export async function runBounded<T>(items: readonly T[], limit: number, task: (item: T, index: number) => Promise<void>): Promise<void> {
  let next = 0;
  let failure: { error: unknown } | null = null;
  const lane = async () => {
    while (failure === null && next < items.length) {
      const index = next++;
      try {
        await task(items[index] as T, index);
      } catch (error) {
        failure ??= { error };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, lane));
  if (failure !== null) throw (failure as { error: unknown }).error;
}

/** Removes files (missing ones are fine) and makes the removals durable. */
export async function removeFilesDurably(paths: string[], options: AtomicOptions = {}): Promise<void> {
  const fs = options.fs ?? nodeFs;
  const folders = new Set<string>();
  for (const path of paths) {
    try {
      await fs.unlink(path);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
    folders.add(dirname(path));
  }
  for (const dir of folders) await syncFolder(dir, fs);
}

/** Deletes temp files left by an interrupted write anywhere under `root`; returns their paths. */
export async function sweepTempFiles(root: string): Promise<string[]> {
  const removed: string[] = [];
  for (const path of await findTempFiles(root)) {
    await nodeFs.unlink(path).catch(() => undefined);
    removed.push(path);
  }
  return removed;
}

/** Lists temp files left by an interrupted write anywhere under `root` (a .git folder is not ours to walk). */
export async function findTempFiles(root: string): Promise<string[]> {
  const found: string[] = [];
  let entries;
  try {
    entries = await nodeFs.readdir(root, { withFileTypes: true });
  } catch {
    return found;
  }
  for (const entry of entries) {
    const path = join(root, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== '.git') found.push(...(await findTempFiles(path)));
    } else if (isTempFileName(entry.name)) found.push(path);
  }
  return found;
}
