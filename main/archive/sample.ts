// The sample archive: the bundled seed pages (English and Russian), so a new user sees a working archive at once.
import { access, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Archive, openArchive } from './archive';
import { MANIFEST_FILE } from './paths';

/** resources/seeds of this checkout or install. */
export const SEEDS_DIR = fileURLToPath(new URL('../../resources/seeds', import.meta.url));

/**
 * Opens the archive in `dir`; when it has no annals.json yet (first run), creates it and imports the
 * bundled seed pages. Returns whether the sample was imported.
 */
export async function ensureSampleArchive(
  dir: string,
  options: { seedsDir?: string; now?: () => Date } = {},
): Promise<{ archive: Archive; isNew: boolean }> {
  const isNew = await access(join(dir, MANIFEST_FILE)).then(
    () => false,
    () => true,
  );
  const archive = await openArchive(dir, { create: isNew, now: options.now });
  if (isNew) await archive.importPaths(await listSeedPages(options.seedsDir ?? SEEDS_DIR));
  return { archive, isNew };
}

/** The seed pages (*.txt, recursively); the folder also holds expected results and a README. */
export async function listSeedPages(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries
    .filter((entry) => entry.isFile() && entry.name.endsWith('.txt'))
    .map((entry) => join(entry.parentPath ?? dir, entry.name))
    .sort();
}
