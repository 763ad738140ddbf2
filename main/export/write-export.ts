// Writes a Markdown export (from shared/export) to disk. Every path shared/export produces is checked
// again here to stay inside the output folder: the file system is where a traversal would do harm.
import { readFile, readdir, stat } from 'node:fs/promises';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import type { ExportFile } from '../../shared/export';
import { removeFilesDurably, writeFilesAtomic } from '../archive/atomic-write';

/** Marks a folder as written by Annals, listing its files so a later export can replace them. */
export const EXPORT_MARKER = '.annals-export.json';

export type ExportWriteErrorCode = 'unsafe-path' | 'folder-not-empty' | 'not-a-folder' | 'no-files';

export class ExportWriteError extends Error {
  constructor(
    readonly code: ExportWriteErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'ExportWriteError';
  }
}

interface Marker {
  format: 'annals-export';
  files: string[];
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

async function readMarker(dir: string): Promise<Marker | null> {
  try {
    const marker = JSON.parse(await readFile(join(dir, EXPORT_MARKER), 'utf8')) as Marker;
    return marker.format === 'annals-export' && Array.isArray(marker.files) ? marker : null;
  } catch {
    return null;
  }
}

/** Writes a folder export: `out` must be new, empty, or a previous Annals export (whose old files are replaced). */
export async function writeFolderExport(files: ExportFile[], out: string): Promise<string[]> {
  const info = await stat(out).catch(() => null);
  if (info && !info.isDirectory()) throw new ExportWriteError('not-a-folder', `${out} exists and is not a folder`);
  const existing = info ? await readdir(out) : [];
  const marker = existing.length > 0 ? await readMarker(out) : null;
  if (existing.length > 0 && !marker) {
    throw new ExportWriteError(
      'folder-not-empty',
      `${out} is not empty and is not a previous Annals export; choose a new or empty folder`,
    );
  }
  const targets = files.map((file) => ({ path: resolveInside(out, file.path), data: file.content }));
  const fresh = new Set(files.map((file) => file.path));
  const stale = (marker?.files ?? []).filter((path) => !fresh.has(path)).map((path) => resolveInside(out, path));
  await writeFilesAtomic(targets);
  await removeFilesDurably(stale);
  const next: Marker = { format: 'annals-export', files: files.map((file) => file.path) };
  await writeFilesAtomic([{ path: join(out, EXPORT_MARKER), data: `${JSON.stringify(next, null, 2)}\n` }]);
  return targets.map((target) => target.path);
}

/** Writes a single-document export to the file `out` (or into `out` when it is an existing folder). */
export async function writeSingleExport(files: ExportFile[], out: string): Promise<string> {
  const file = files[0];
  if (!file || files.length !== 1) throw new ExportWriteError('no-files', 'a single-document export must be one file');
  const info = await stat(out).catch(() => null);
  const target = info?.isDirectory() ? resolveInside(out, file.path) : resolve(out);
  await writeFilesAtomic([{ path: target, data: file.content }]);
  return target;
}

/** Writes an export in its format; returns the paths written. */
export async function writeExport(files: ExportFile[], out: string, format: 'single' | 'folder'): Promise<string[]> {
  if (files.length === 0) throw new ExportWriteError('no-files', 'nothing to export');
  return format === 'folder' ? writeFolderExport(files, out) : [await writeSingleExport(files, out)];
}
