// Writes a Markdown export (from shared/export) to disk. Every path shared/export produces is checked
// again here to stay inside the output folder: the file system is where a traversal would do harm.
// A single document is one atomic write; a folder export replaces the previous one all or nothing
// (folder-swap.ts), and never touches a file in the folder that Annals did not write.
import * as nodeFs from 'node:fs/promises';
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import type { ExportFile } from '../../shared/export';
import { type ArchiveFs, nodeArchiveFs } from '../archive/archive-fs';
import { isTempFileName, writeFilesAtomic } from '../archive/atomic-write';
import { ExportWriteError, toExportWriteError } from './export-errors';
import { EXPORT_MARKER, readMarker, renderMarker } from './export-marker';
import { type ExportRecovery, finishExport, recoverSwaps, stageExport, swapExport, undoStaging } from './folder-swap';

export { EXPORT_MARKER } from './export-marker';
export { ExportWriteError, type ExportWriteErrorCode } from './export-errors';

export interface ExportWriteOptions {
  /** The file-system calls of the write path; tests inject failures (main/archive/testing/faulty-fs.ts). */
  fs?: ArchiveFs;
}

/** Resolves `path` inside `root`, refusing anything that could land outside it. */
export function resolveInside(root: string, path: string): string {
  const isSuspicious =
    path === '' || isAbsolute(path) || /^[a-zA-Z]:/.test(path) || path.includes('\\') || path.includes('\0') ||
    path.split('/').some((part) => part === '' || part === '.' || part === '..');
  const target = resolve(root, path);
  const rel = relative(resolve(root), target);
  if (isSuspicious || rel === '' || rel.startsWith('..') || isAbsolute(rel) || rel.split(sep).includes('..')) {
    throw new ExportWriteError('unsafe-path', `refusing to write "${path}": it is not a plain path inside ${root}`);
  }
  return target;
}

function isSafePath(root: string, path: string): boolean {
  try {
    resolveInside(root, path);
    return true;
  } catch {
    return false;
  }
}

const exists = (path: string) => nodeFs.lstat(path).then(() => true, () => false);

const running = new Map<string, Promise<unknown>>();

/** Runs `task` once every earlier export to the same folder in this process has ended. */
function serialize<T>(key: string, task: () => Promise<T>): Promise<T> {
  const next = (running.get(key) ?? Promise.resolve()).catch(() => undefined).then(task);
  running.set(key, next);
  next.then(
    () => running.get(key) === next && running.delete(key),
    () => running.get(key) === next && running.delete(key),
  );
  return next;
}

/**
 * The files of the previous export in `root` that the new one replaces (its marker's list, the marker
 * included); refuses a folder of someone else's files, and a new file whose name a user file holds.
 */
async function findPreviousExport(root: string, paths: string[], fs: ArchiveFs): Promise<string[]> {
  const info = await nodeFs.stat(root).catch(() => null);
  if (!info) return [];
  if (!info.isDirectory()) throw new ExportWriteError('not-a-folder', `${root} exists and is not a folder`);
  if ((await fs.readdir(root)).length === 0) return [];
  const marker = await readMarker(root, fs);
  if (!marker) {
    throw new ExportWriteError('folder-not-empty', `${root} is not empty and is not a previous Annals export; choose a new or empty folder`);
  }
  // A marker edited by hand cannot make Annals move anything outside the folder, nor a folder or a
  // link the user has since put where an exported file was.
  const listed = [...new Set([...marker.files.filter((path) => path !== EXPORT_MARKER && isSafePath(root, path)), EXPORT_MARKER])];
  const previous: string[] = [];
  for (const path of listed) {
    const info = await nodeFs.lstat(join(root, path)).catch(() => null);
    if (!info || info.isFile()) previous.push(path);
  }
  const owned = new Set(previous);
  for (const path of paths) {
    if (!owned.has(path) && (await exists(join(root, path)))) {
      throw new ExportWriteError('file-exists', `${join(root, path)} was not written by Annals; move it away or choose another folder`);
    }
  }
  return previous;
}

/** Temp files an interrupted atomic write of `names` (in `folder`) left: `.<name>.<12 hex>.tmp`. */
async function sweepTempFilesOf(folder: string, names: Set<string>, fs: ArchiveFs): Promise<string[]> {
  const entries = await fs.readdir(folder).catch(() => [] as string[]);
  const swept: string[] = [];
  for (const name of entries) {
    if (!isTempFileName(name) || !names.has(name.slice(1, -'.0123456789ab.tmp'.length))) continue;
    await fs.unlink(join(folder, name)).catch(() => undefined);
    swept.push(join(folder, name));
  }
  return swept;
}

export interface FolderRecovery extends ExportRecovery {
  /** Temp files of Annals' files in the folder left by an interrupted write (earlier versions wrote there). */
  sweptTempFiles: string[];
}

async function recoverUnlocked(root: string, fs: ArchiveFs): Promise<FolderRecovery> {
  const report = await recoverSwaps(root, fs);
  const marker = await readMarker(root, fs).catch(() => null);
  const byFolder = new Map<string, Set<string>>();
  for (const path of [...(marker?.files ?? []).filter((file) => isSafePath(root, file)), EXPORT_MARKER]) {
    const folder = dirname(join(root, path));
    byFolder.set(folder, (byFolder.get(folder) ?? new Set()).add(basename(path)));
  }
  const sweptTempFiles: string[] = [];
  for (const [folder, names] of byFolder) sweptTempFiles.push(...(await sweepTempFilesOf(folder, names, fs)));
  return { ...report, sweptTempFiles };
}

/**
 * Brings the export folder `out` to a whole export after a crash: an interrupted export is undone
 * (or, if it had completed, cleaned up) and leftover temp files of Annals' files are deleted. Every
 * folder export runs it first; the app may run it at start for the folders it exported to.
 */
export async function recoverFolderExport(out: string, options: ExportWriteOptions = {}): Promise<FolderRecovery> {
  const root = resolve(out);
  return serialize(root, () =>
    recoverUnlocked(root, options.fs ?? nodeArchiveFs).catch((error: unknown) => {
      throw toExportWriteError(error, 'The recovery of the export folder was not finished; it will be tried again by the next export.');
    }),
  );
}

/**
 * Writes a folder export: `out` must be new, empty, or a previous Annals export, whose files are
 * replaced all or nothing. Files in it that Annals did not write are never touched. Returns the paths written.
 */
export async function writeFolderExport(files: ExportFile[], out: string, options: ExportWriteOptions = {}): Promise<string[]> {
  const fs = options.fs ?? nodeArchiveFs;
  const root = resolve(out);
  const targets = files.map((file) => resolveInside(root, file.path));
  const paths = files.map((file) => file.path);
  if (paths.includes(EXPORT_MARKER) || new Set(paths).size !== paths.length) {
    throw new ExportWriteError('unsafe-path', `an export cannot write ${EXPORT_MARKER} or the same path twice`);
  }
  return serialize(root, async () => {
    let previous: string[];
    let staged: Awaited<ReturnType<typeof stageExport>>;
    try {
      await recoverUnlocked(root, fs);
      previous = await findPreviousExport(root, paths, fs);
      const marker = { path: EXPORT_MARKER, content: renderMarker(paths) };
      staged = await stageExport(root, [...files.map(({ path, content }) => ({ path, content })), marker], previous, fs);
    } catch (error) {
      throw toExportWriteError(error, 'Nothing was changed in the export folder.');
    }
    try {
      await swapExport(root, staged.staging, staged.journal, fs);
      await finishExport(staged.staging, staged.journal, fs);
    } catch (error) {
      const isRestored = await undoStaging(root, staged.staging, fs).then(() => true, () => false);
      throw toExportWriteError(
        error,
        isRestored ? 'The previous export was kept.' : 'The previous export will be put back by the next export to this folder.',
      );
    }
    return targets;
  });
}

/** Writes a single-document export to the file `out` (or into `out` when it is an existing folder). */
export async function writeSingleExport(files: ExportFile[], out: string, options: ExportWriteOptions = {}): Promise<string> {
  const fs = options.fs ?? nodeArchiveFs;
  const file = files[0];
  if (!file || files.length !== 1) throw new ExportWriteError('no-files', 'a single-document export must be one file');
  const info = await nodeFs.stat(out).catch(() => null);
  const target = info?.isDirectory() ? resolveInside(out, file.path) : resolve(out);
  try {
    await sweepTempFilesOf(dirname(target), new Set([basename(target)]), fs);
    await writeFilesAtomic([{ path: target, data: file.content }], { fs });
  } catch (error) {
    throw toExportWriteError(error, 'The previous file, if there was one, was kept.');
  }
  return target;
}

/** Writes an export in its format; returns the paths written. */
export async function writeExport(files: ExportFile[], out: string, format: 'single' | 'folder', options: ExportWriteOptions = {}): Promise<string[]> {
  if (files.length === 0) throw new ExportWriteError('no-files', 'nothing to export');
  return format === 'folder' ? writeFolderExport(files, out, options) : [await writeSingleExport(files, out, options)];
}
