// Where the specs find the repository, its tools and its files.
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT_DIR = fileURLToPath(new URL('..', import.meta.url));
export const SEEDS_DIR = join(ROOT_DIR, 'resources', 'seeds');
export const SCREENSHOTS_DIR = join(ROOT_DIR, 'docs', 'screenshots');

/** A command installed in node_modules/.bin. */
export function binPath(name: string): string {
  return join(ROOT_DIR, 'node_modules', '.bin', name);
}
