// Conflict copies: when another program changed a file Annals is about to overwrite, the other
// version is kept beside it as `<name>.conflict-<UTC timestamp>[-n].md`. Scan and the watcher skip
// these names (they are not items), `annals check` lists them, and the user merges by hand.
import { basename, dirname, join } from 'node:path';
import type { ArchiveFs } from './archive-fs';

const CONFLICT_NAME = /\.conflict-\d{8}T\d{6}Z(-\d+)?\.md$/;

/** True for a conflict copy's file name (or path). */
export function isConflictCopyName(name: string): boolean {
  return CONFLICT_NAME.test(name);
}

function stamp(now: Date): string {
  return now.toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');
}

/** A free name for a conflict copy of `path` (`items/2024/x.md` → `items/2024/x.conflict-20261123T142700Z.md`). */
export async function freeConflictPath(fs: ArchiveFs, path: string, now: Date): Promise<string> {
  const stem = basename(path).replace(/\.md$/, '');
  const taken = new Set(await fs.readdir(dirname(path)).catch(() => [] as string[]));
  for (let n = 1; ; n++) {
    const name = `${stem}.conflict-${stamp(now)}${n === 1 ? '' : `-${n}`}.md`;
    if (!taken.has(name)) return join(dirname(path), name);
  }
}
