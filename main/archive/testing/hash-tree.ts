// Test helper: one hash of an archive folder's files (path, mtime and bytes), caches in .annals/
// left out, so a test can assert that an operation rewrote nothing — not even a timestamp.
import { createHash } from 'node:crypto';
import { readFile, readdir, stat } from 'node:fs/promises';
import { join, relative } from 'node:path';

/** Hash of every file under root except .annals/: changes when any file's bytes or mtime change. */
export async function hashTree(root: string): Promise<string> {
  const hash = createHash('sha256');
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  const files = entries
    .filter((e) => e.isFile() && !relative(root, e.parentPath).startsWith('.annals'))
    .map((e) => join(e.parentPath, e.name));
  for (const file of files.sort()) hash.update(`${relative(root, file)}\0${(await stat(file)).mtimeMs}\0`).update(await readFile(file));
  return hash.digest('hex');
}
