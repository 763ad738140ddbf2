// The marker file that tells a previous Annals export from a folder of the user's own files, and lists
// the files Annals wrote there: only those are ever replaced or removed by a later export.
import { join } from 'node:path';
import type { ArchiveFs } from '../archive/archive-fs';
import { errnoOf } from '../archive/archive-fs';

/** Marks a folder as written by Annals, listing its files so a later export can replace them. */
export const EXPORT_MARKER = '.annals-export.json';

export interface ExportMarker {
  format: 'annals-export';
  files: string[];
}

/** The marker's content for an export of `files` (relative paths). */
export function renderMarker(files: string[]): string {
  const marker: ExportMarker = { format: 'annals-export', files };
  return `${JSON.stringify(marker, null, 2)}\n`;
}

/** The marker of the export in `dir`; null when there is none or it is not Annals' (read errors other than "missing" throw). */
export async function readMarker(dir: string, fs: ArchiveFs): Promise<ExportMarker | null> {
  let text: string;
  try {
    text = String(await fs.readFile(join(dir, EXPORT_MARKER), 'utf8'));
  } catch (error) {
    if (errnoOf(error) === 'ENOENT' || errnoOf(error) === 'ENOTDIR') return null;
    throw error;
  }
  try {
    const marker = JSON.parse(text) as ExportMarker;
    const isValid = marker.format === 'annals-export' && Array.isArray(marker.files) && marker.files.every((file) => typeof file === 'string');
    return isValid ? marker : null;
  } catch {
    return null;
  }
}
