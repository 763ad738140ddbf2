// The exports the kill -9 and fault tests interrupt: a fixed list of folder exports of different sizes
// and names (so files are replaced, added and removed), some identical to an earlier one, plus the
// files a user keeps in the export folder, which no export may touch.
import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, readFile, readdir, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { ExportFile } from '../../../shared/export';
import { writeExport } from '../write-export';

/** How many exports one run makes. */
export const EXPORT_RUNS = 6;

const SIZES = [24, 12, 30, 18, 24, 6];

/** The `n`-th export of a run: export n and n+3 write the same item files, the index always differs. */
export function exportVariant(n: number): ExportFile[] {
  const count = SIZES[n % SIZES.length] ?? 10;
  const flavour = n % 3;
  const items = Array.from({ length: count }, (_, i) => ({
    path: `${String(i + 1).padStart(3, '0')}-${flavour === 1 ? 'b' : 'a'}-item.md`,
    content: `---\nposition: ${i + 1}\nflavour: ${flavour}\n---\n# Item ${i + 1}\n\n${`Text of flavour ${flavour}. `.repeat(20 + 3 * i)}\n`,
  }));
  const index = { path: 'index.md', content: `# Export ${n}\n\n${items.map((item) => `1. [${item.path}](${item.path})`).join('\n')}\n` };
  return [index, ...items];
}

/** Files the user keeps in (and beside) the export folder, relative to the folder's parent. */
export const FOREIGN_FILES: Record<string, string> = {
  'out/my-notes.md': '# My own notes\n\nNot written by Annals.\n',
  'out/.obsidian/app.json': '{"theme":"dark"}\n',
  'out/draft-index.md': 'a draft the user keeps beside the export\n',
  'neighbour.txt': 'a file beside the export folder\n',
};

/**
 * The starting point of a run: a previous export in `parent/out` (an Annals export folder can only be
 * one it made, or a new or empty one), to which the user then added files of their own, and one beside it.
 */
export async function prepareExportFolder(parent: string): Promise<void> {
  await writeExport(exportVariant(EXPORT_RUNS - 1).slice(0, 4), join(parent, 'out'), 'folder');
  for (const [path, content] of Object.entries(FOREIGN_FILES)) {
    await mkdir(dirname(join(parent, path)), { recursive: true });
    await writeFile(join(parent, path), content);
  }
}

/** The user's files that are gone or changed. */
export async function lostForeignFiles(parent: string): Promise<string[]> {
  const lost: string[] = [];
  for (const [path, content] of Object.entries(FOREIGN_FILES)) {
    const found = await readFile(join(parent, path), 'utf8').catch(() => null);
    if (found !== content) lost.push(path);
  }
  return lost;
}

/** sha256 of every file under the export folder `out` by relative path, the user's files left out. */
export async function snapshotExport(out: string): Promise<Map<string, string>> {
  const snapshot = new Map<string, string>();
  const entries = await readdir(out, { withFileTypes: true, recursive: true }).catch(() => []);
  for (const entry of entries) {
    if (!entry.isFile()) continue;
    const rel = join(entry.parentPath, entry.name).slice(out.length + 1).split('\\').join('/');
    if (`out/${rel}` in FOREIGN_FILES) continue;
    snapshot.set(rel, createHash('sha256').update(await readFile(join(out, rel))).digest('hex'));
  }
  return snapshot;
}

/** True when both snapshots hold the same files with the same bytes. */
export function isSameSnapshot(a: Map<string, string>, b: Map<string, string>): boolean {
  return a.size === b.size && [...a].every(([file, hash]) => b.get(file) === hash);
}

/**
 * A temp folder for tests that run many exports: on tmpfs (/dev/shm, when there is one) fsync costs
 * nothing, so more runs fit in the time and more kill moments fall on the swap's renames.
 */
export async function makeFastTempRoot(prefix: string): Promise<string> {
  const isShm = await stat('/dev/shm').then((info) => info.isDirectory(), () => false);
  return mkdtemp(join(isShm ? '/dev/shm' : tmpdir(), prefix));
}
