// `annals check --repair`: fixes what can be fixed without guessing, and records what it did in
// repairs/<timestamp>.json at the archive's root (kept: it may hold a dropped entry's note). What
// cannot be fixed safely (a file that does not parse, a missing source, two different files with one
// id) is left for the user and still reported.
import { readFile, readdir } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { Archive } from './archive';
import { sweepTempFiles, writeFileAtomic } from './atomic-write';
import { freeConflictPath } from './conflicts';
import { ArchiveError } from './errors';
import { isAsideName, sha256Of } from './journal';
import type { Problem } from './scan';

export interface RepairAction {
  code: 'journal-finished' | 'journal-undone' | 'temp-removed' | 'aside-restored' | 'aside-removed' | 'aside-kept' | 'entry-dropped' | 'entry-deduplicated' | 'empty-file-removed' | 'duplicate-removed';
  file: string;
  detail: string;
  /** What was dropped (a collection entry's id and note), so nothing is lost without a record. */
  dropped?: unknown;
}

export interface RepairReport {
  actions: RepairAction[];
  /** Where the actions were recorded (relative), or null when there was nothing to do. */
  log: string | null;
  /** What is still wrong after the repair. */
  remaining: Problem[];
}

async function walkFiles(dir: string, rel = ''): Promise<string[]> {
  const entries = await readdir(join(dir, rel), { withFileTypes: true }).catch(() => []);
  const out: string[] = [];
  for (const entry of entries) {
    const file = rel ? `${rel}/${entry.name}` : entry.name;
    if (entry.isDirectory()) {
      if (entry.name !== '.git') out.push(...(await walkFiles(dir, file)));
    } else out.push(file);
  }
  return out;
}

/** A file moved aside by a write that never finished: put back when its place is empty, else kept or dropped. */
async function settleAsides(archive: Archive, actions: RepairAction[]): Promise<void> {
  const fs = archive.fs;
  for (const file of (await walkFiles(archive.dir)).filter((f) => isAsideName(basename(f)))) {
    const aside = join(archive.dir, file);
    const target = join(dirname(aside), basename(aside).slice(1).replace(/\.[0-9a-f]{12}\.aside$/, ''));
    const current = await readFile(target).catch(() => null);
    if (current === null) {
      await fs.rename(aside, target);
      actions.push({ code: 'aside-restored', file, detail: `put back as ${archive.relative(target)}` });
    } else if (sha256Of(current) === sha256Of(await readFile(aside))) {
      await fs.unlink(aside);
      actions.push({ code: 'aside-removed', file, detail: 'same content as the file in its place' });
    } else {
      const copy = await freeConflictPath(fs, target, archive.now());
      await fs.rename(aside, copy);
      actions.push({ code: 'aside-kept', file, detail: `kept as the conflict copy ${archive.relative(copy)}` });
    }
  }
}

async function removeEmptyFiles(archive: Archive, actions: RepairAction[]): Promise<void> {
  for (const problem of archive.problems) {
    const path = join(archive.dir, problem.file);
    const bytes = await readFile(path).catch(() => null);
    if (bytes === null || bytes.toString('utf8').trim() !== '') continue;
    await archive.fs.unlink(path);
    actions.push({ code: 'empty-file-removed', file: problem.file, detail: 'the file was empty (nothing to keep)' });
  }
}

/** A second file holding an id, byte-identical to the file the archive reads it from, is a stray copy. */
async function removeIdenticalDuplicates(archive: Archive, actions: RepairAction[]): Promise<void> {
  for (const problem of archive.problems.filter((p) => p.code === 'duplicate-id')) {
    const id = /id (\S+) is also used/.exec(problem.message)?.[1];
    const kept = id ? archive.itemFile(id) : null;
    if (!kept) continue;
    const [a, b] = await Promise.all([readFile(join(archive.dir, problem.file)), readFile(join(archive.dir, kept))]);
    if (sha256Of(a) !== sha256Of(b)) continue;
    await archive.fs.unlink(join(archive.dir, problem.file));
    actions.push({ code: 'duplicate-removed', file: problem.file, detail: `an identical copy of ${kept}` });
  }
}

async function fixCollections(archive: Archive, actions: RepairAction[]): Promise<void> {
  for (const collection of archive.listCollections()) {
    const seen = new Set<string>();
    const file = `collections/${collection.slug}.md`;
    const keep = collection.entries.filter((entry) => {
      if (seen.has(entry.id)) {
        actions.push({ code: 'entry-deduplicated', file, detail: `item ${entry.id} was listed twice; the first entry stays`, dropped: entry });
        return false;
      }
      seen.add(entry.id);
      if (archive.getItem(entry.id)) return true;
      actions.push({ code: 'entry-dropped', file, detail: `entry ${entry.id} pointed at no item of the archive`, dropped: entry });
      return false;
    });
    if (keep.length !== collection.entries.length) await archive.replaceCollectionEntries(collection.slug, keep);
  }
}

/** Repairs the archive (opened for writing: opening already finished journals); answers what was done and what remains. */
export async function repairArchive(archive: Archive): Promise<RepairReport> {
  if (archive.isReadOnly) throw new ArchiveError('read-only', 'check --repair needs the archive opened for writing');
  const actions: RepairAction[] = [];
  for (const rel of archive.recovery?.rolledForward ?? []) actions.push({ code: 'journal-finished', file: rel, detail: 'an interrupted change was finished' });
  for (const rel of archive.recovery?.rolledBack ?? []) actions.push({ code: 'journal-undone', file: rel, detail: 'an interrupted change was undone (a staged file was damaged)' });
  for (const path of await sweepTempFiles(archive.dir)) {
    actions.push({ code: 'temp-removed', file: archive.relative(path), detail: 'left over from an interrupted write' });
  }
  await settleAsides(archive, actions);
  await removeEmptyFiles(archive, actions);
  await removeIdenticalDuplicates(archive, actions);
  await archive.reload();
  await fixCollections(archive, actions);
  let log: string | null = null;
  if (actions.length > 0) {
    log = `repairs/${archive.now().toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z')}.json`;
    await writeFileAtomic(join(archive.dir, log), `${JSON.stringify({ repaired: archive.now().toISOString(), actions }, null, 2)}\n`, { fs: archive.fs });
  }
  return { actions, log, remaining: await archive.check() };
}
