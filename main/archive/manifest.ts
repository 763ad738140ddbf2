// annals.json: marks a folder as an archive and says which format version wrote it.
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { writeFileAtomic } from './atomic-write';
import { ArchiveError } from './errors';
import { MANIFEST_FILE } from './paths';

export const ARCHIVE_FORMAT = 'annals-archive';
export const ARCHIVE_VERSION = 1;

export interface Manifest {
  format: typeof ARCHIVE_FORMAT;
  version: number;
  created: string;
  [setting: string]: unknown;
}

/** Validates annals.json's content; `file` names it in the error. */
export function validateManifest(value: unknown, file: string): Manifest {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new ArchiveError('bad-manifest', `${file} is not a JSON object`);
  }
  const record = value as Record<string, unknown>;
  if (record.format !== ARCHIVE_FORMAT) {
    throw new ArchiveError(
      'unsupported-format',
      `${file} says format ${JSON.stringify(record.format)}, not "${ARCHIVE_FORMAT}": this folder is not an Annals archive`,
    );
  }
  if (typeof record.version !== 'number' || !Number.isInteger(record.version) || record.version < 1) {
    throw new ArchiveError('bad-manifest', `${file} has no valid "version"`);
  }
  if (record.version > ARCHIVE_VERSION) {
    throw new ArchiveError(
      'newer-version',
      `${file} is archive version ${record.version}; this Annals understands version ${ARCHIVE_VERSION}. Update Annals to open it.`,
    );
  }
  if (typeof record.created !== 'string') throw new ArchiveError('bad-manifest', `${file} has no "created" date`);
  return record as Manifest;
}

/** Reads annals.json, or returns null when the folder has none. */
export async function readManifest(dir: string): Promise<Manifest | null> {
  const file = join(dir, MANIFEST_FILE);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw new ArchiveError('bad-manifest', `${file} cannot be read: ${(error as Error).message}`);
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new ArchiveError('bad-manifest', `${file} is not valid JSON`);
  }
  return validateManifest(value, file);
}

/** True when the folder is missing or holds nothing but hidden files (.DS_Store, .git…). */
export async function isFolderEmpty(dir: string): Promise<boolean> {
  try {
    return (await readdir(dir)).every((name) => name.startsWith('.'));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return true;
    throw error;
  }
}

/** Turns a folder into an archive: annals.json and a .gitattributes that keeps item files LF. */
export async function createManifest(dir: string, now: Date): Promise<Manifest> {
  if (!(await isFolderEmpty(dir))) {
    throw new ArchiveError(
      'folder-not-empty',
      `${dir} is not empty and is not an Annals archive (no ${MANIFEST_FILE}); choose an empty or new folder`,
    );
  }
  const manifest: Manifest = { format: ARCHIVE_FORMAT, version: ARCHIVE_VERSION, created: now.toISOString() };
  await writeFileAtomic(join(dir, '.gitattributes'), '# Annals item files must keep LF line ends.\n*.md text eol=lf\nsources/** -text\n');
  await writeFileAtomic(join(dir, MANIFEST_FILE), `${JSON.stringify(manifest, null, 2)}\n`);
  return manifest;
}
