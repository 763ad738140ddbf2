// Multi-file changes (an imported page: its source and items; a re-tag; an item that moves to a new
// name) are journaled so a crash leaves them done or undone, never half-done (docs/data-safety.md):
//   1. stage: every new content goes to a temp file beside its target, fsynced; the folders fsynced
//      (up to IO_LANES files at once: an import batch stages hundreds, and fsyncs side by side are cheap);
//   2. commit: .annals/journal/<op>.json lists each target, its staged file and the sha256 of its new
//      content (and the sha256 Annals last read there), written atomically — from here on the change
//      is rolled forward;
//   3. apply: each staged file takes its target's place (see placeWrite; side by side, targets are
//      distinct), then removals are made, then each touched folder is fsynced once;
//   4. the journal is deleted.
// A crash before 2 leaves only temp files (swept on open: rolled back); after 2, opening the archive
// finishes the journal (recoverJournals). Before replacing a file, the version on disk is compared with
// the one Annals last read; another program's version is kept as a conflict copy (conflicts.ts).
import { createHash, randomBytes } from 'node:crypto';
import { basename, dirname, join, relative, sep } from 'node:path';
import type { ArchiveFs } from './archive-fs';
import { errnoOf, isMissingError, renameIfPresent } from './archive-fs';
import { runBounded, stageFile, syncFolder, writeFilesAtomic } from './atomic-write';
import { freeConflictPath } from './conflicts';
import { CACHE_DIR } from './paths';

export const JOURNAL_DIR = `${CACHE_DIR}/journal`;
/** File-system calls in flight at once while staging and placing a change's files. */
const IO_LANES = 16;
/** What link answers on a file system without hard links. */
const NO_LINKS = ['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS', 'EXDEV'];
const JOURNAL_FORMAT = 'annals-journal';

export interface PlannedWrite {
  /** Absolute path of the target. */
  path: string;
  data: string | Uint8Array;
  /** sha256 of `data` when the caller has it (a page hashed in the ingest worker): not hashed again on main. */
  sha256?: string;
  /**
   * sha256 of the content Annals last read or wrote at `path`; null when it knows no file there;
   * undefined to skip the check (content-addressed sources).
   */
  expected?: string | null;
  /** True when bytes found on disk mean the same as what Annals knows (a file reformatted by hand). */
  isSame?: (bytes: Buffer) => boolean;
}

export interface PlannedRemoval {
  path: string;
  expected?: string | null;
  isSame?: (bytes: Buffer) => boolean;
}

/** Another writer's version of `file`, kept as `copy` (both absolute). */
export interface Conflict {
  file: string;
  copy: string;
}

interface JournalEntry {
  target: string;
  staged?: string;
  sha256?: string;
  expected?: string | null;
}

interface JournalFile {
  format: typeof JOURNAL_FORMAT;
  version: 1;
  op: string;
  created: string;
  writes: JournalEntry[];
  removals: JournalEntry[];
}

export interface ChangeContext {
  fs: ArchiveFs;
  now: () => Date;
}

export function sha256Of(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

const toRel = (dir: string, path: string) => relative(dir, path).split(sep).join('/');

/** A change that failed before its journal was committed: nothing was replaced, its staged files are gone. */
export class UncommittedChangeError extends Error {
  constructor(readonly failure: unknown) {
    super(failure instanceof Error ? failure.message : String(failure));
    this.name = 'UncommittedChangeError';
  }
}

/**
 * Runs one multi-file change through the journal; answers the conflict copies it had to keep. A
 * failure before the commit point throws UncommittedChangeError; after it, the file-system error.
 */
export async function commitChange(
  dir: string,
  op: string,
  plan: { writes: PlannedWrite[]; removals: PlannedRemoval[] },
  ctx: ChangeContext,
): Promise<Conflict[]> {
  if (plan.writes.length + plan.removals.length === 0) return [];
  const { fs } = ctx;
  const staged: (string | undefined)[] = [];
  const folders = [...new Set(plan.writes.map((write) => dirname(write.path)))];
  const unstage = () =>
    runBounded(staged, IO_LANES, async (path) => {
      if (path) await fs.unlink(path).catch(() => undefined);
    });
  try {
    await runBounded(folders, IO_LANES, async (folder) => {
      await fs.mkdir(folder, { recursive: true });
    });
    await runBounded(plan.writes, IO_LANES, async (write, i) => {
      staged[i] = await stageFile(fs, write.path, write.data);
    });
    await runBounded(folders, IO_LANES, (folder) => syncFolder(folder, fs));
  } catch (error) {
    // Nothing was replaced yet: rolling back is removing what was staged.
    await unstage();
    throw new UncommittedChangeError(error);
  }
  const journal: JournalFile = {
    format: JOURNAL_FORMAT,
    version: 1,
    op,
    created: ctx.now().toISOString(),
    writes: plan.writes.map((write, i) => ({
      target: toRel(dir, write.path),
      staged: toRel(dir, staged[i] as string),
      sha256: write.sha256 ?? sha256Of(write.data),
      expected: write.expected,
    })),
    removals: plan.removals.map((removal) => ({ target: toRel(dir, removal.path), expected: removal.expected })),
  };
  const journalPath = join(dir, JOURNAL_DIR, `${journal.created.replace(/[-:.]/g, '')}-${randomBytes(4).toString('hex')}.json`);
  try {
    await writeFilesAtomic([{ path: journalPath, data: `${JSON.stringify(journal, null, 1)}\n` }], { fs });
  } catch (error) {
    await unstage();
    throw new UncommittedChangeError(error);
  }
  const conflicts: Conflict[] = [];
  const judges = new Map([...plan.writes, ...plan.removals].map((entry) => [entry.path, entry.isSame]));
  await applyJournal(dir, journal, ctx, conflicts, (path) => judges.get(path));
  await fs.unlink(journalPath);
  await syncFolder(dirname(journalPath), fs);
  return conflicts;
}

type SameJudge = (path: string) => ((bytes: Buffer) => boolean) | undefined;

/** One target of a journal being applied, with what judging a file found there needs. */
interface Placement {
  target: string;
  entry: JournalEntry;
  ctx: ChangeContext;
  /** Where conflict copies kept are reported. */
  conflicts: Conflict[];
  /** True when bytes found there mean what Annals knows (see PlannedWrite.isSame). */
  isSame?: (bytes: Buffer) => boolean;
}

async function applyJournal(dir: string, journal: JournalFile, ctx: ChangeContext, conflicts: Conflict[], judge: SameJudge) {
  const folders = new Set([...journal.writes, ...journal.removals].map((entry) => dirname(join(dir, entry.target))));
  // Targets are distinct files, so they are placed side by side; removals come after every write.
  const placeOf = (entry: JournalEntry): Placement => {
    const target = join(dir, entry.target);
    return { target, entry, ctx, conflicts, isSame: judge(target) };
  };
  await runBounded(journal.writes, IO_LANES, (entry) => placeWrite(placeOf(entry), join(dir, entry.staged ?? '')));
  await runBounded(journal.removals, IO_LANES, (entry) => removeChecked(placeOf(entry)));
  await runBounded([...folders], IO_LANES, (folder) => syncFolder(folder, ctx.fs));
}

function asidePath(target: string): string {
  return join(dirname(target), `.${basename(target)}.${randomBytes(6).toString('hex')}.aside`);
}

/** True for the name of a file moved aside while its replacement is placed (`.<name>.<12 hex>.aside`). */
export function isAsideName(name: string): boolean {
  return /^\..+\.[0-9a-f]{12}\.aside$/.test(name);
}

/**
 * Puts the staged file in the target's place without losing a version another program wrote: the
 * current file is first moved aside (atomic: whatever version is there at that instant is caught),
 * the staged file is hard-linked in (refused if yet another file appeared meanwhile: then that one is
 * moved aside too), and the file moved aside is deleted only when it is the version Annals last read.
 */
async function placeWrite(place: Placement, staged: string): Promise<void> {
  const { target, entry, ctx } = place;
  const { fs } = ctx;
  if (entry.expected === undefined) {
    await fs.rename(staged, target);
    return;
  }
  // A new file (most of an import): the link alone is the check, it is refused if any file is there.
  if (entry.expected === null && (await linkNew(fs, staged, target))) return;
  for (;;) {
    const aside = await moveAside(fs, target);
    let isPlaced = false;
    try {
      await fs.link(staged, target);
      isPlaced = true;
    } catch (error) {
      const errno = errnoOf(error);
      if (errno !== 'EEXIST' && !NO_LINKS.includes(errno ?? '')) {
        if (aside) await fs.rename(aside, target).catch(() => undefined);
        throw error;
      }
      if (errno !== 'EEXIST') {
        // No hard links on this file system: a plain rename (a rival write in this instant can be lost).
        await fs.rename(staged, target);
        if (aside) await judgeAside(place, aside);
        return;
      }
    }
    if (aside) await judgeAside(place, aside);
    if (isPlaced) {
      await fs.unlink(staged).catch(() => undefined); // a leftover is a temp file: swept later
      return;
    }
  }
}

/** Links the staged file in where no file is; false when a file is there or links are not supported (then placeWrite's loop decides). */
async function linkNew(fs: ArchiveFs, staged: string, target: string): Promise<boolean> {
  try {
    await fs.link(staged, target);
  } catch (error) {
    const errno = errnoOf(error) ?? '';
    if (errno === 'EEXIST' || NO_LINKS.includes(errno)) return false;
    throw error;
  }
  await fs.unlink(staged).catch(() => undefined); // a leftover is a temp file: swept later
  return true;
}

async function moveAside(fs: ArchiveFs, target: string): Promise<string | null> {
  const aside = asidePath(target);
  return (await renameIfPresent(fs, target, aside)) ? aside : null;
}

async function removeChecked(place: Placement): Promise<void> {
  const { target, entry, ctx } = place;
  if (entry.expected === undefined) {
    await ctx.fs.unlink(target).catch((error: unknown) => {
      if (!isMissingError(error)) throw error;
    });
    return;
  }
  const aside = await moveAside(ctx.fs, target);
  if (aside) await judgeAside(place, aside);
}

/** Deletes a file moved aside when it is what Annals knew (or its own new content); else keeps it as a conflict copy. */
async function judgeAside(place: Placement, aside: string): Promise<void> {
  const { target, entry, ctx, conflicts, isSame } = place;
  const bytes = (await ctx.fs.readFile(aside)) as Buffer;
  const hash = sha256Of(bytes);
  if (hash === entry.expected || hash === entry.sha256 || (entry.expected !== null && isSame?.(bytes))) {
    await ctx.fs.unlink(aside);
    return;
  }
  const copy = await freeConflictPath(ctx.fs, target, ctx.now());
  await ctx.fs.rename(aside, copy);
  conflicts.push({ file: target, copy });
}

export interface RecoveryReport {
  /** Journals finished (rolled forward). */
  rolledForward: string[];
  /** Journals undone because a staged file was damaged. */
  rolledBack: string[];
  /** Journals that could not be read, moved aside as `<name>.bad`. */
  unreadable: string[];
  conflicts: Conflict[];
}

/** Journals left by an interrupted change (relative paths). */
export async function listJournals(dir: string, fs: ArchiveFs): Promise<string[]> {
  const names = await fs.readdir(join(dir, JOURNAL_DIR)).catch((error: unknown) => {
    if (isMissingError(error)) return [] as string[];
    throw error; // an unreadable journal folder must not pass for "no unfinished change"
  });
  return names.filter((name) => name.endsWith('.json') && !name.startsWith('.')).sort().map((name) => `${JOURNAL_DIR}/${name}`);
}

async function readJournal(path: string, fs: ArchiveFs): Promise<JournalFile | null> {
  try {
    const value = JSON.parse(String(await fs.readFile(path, 'utf8'))) as JournalFile;
    return value.format === JOURNAL_FORMAT && Array.isArray(value.writes) && Array.isArray(value.removals) ? value : null;
  } catch (error) {
    if (errnoOf(error) && !isMissingError(error)) throw error;
    return null;
  }
}

/** Whether every staged file not yet placed is intact (then the journal can be rolled forward). */
async function canRollForward(dir: string, journal: JournalFile, fs: ArchiveFs): Promise<boolean> {
  for (const entry of journal.writes) {
    const staged = await fs.readFile(join(dir, entry.staged ?? '')).catch((error: unknown) => {
      if (isMissingError(error)) return null;
      throw error;
    });
    if (staged !== null && sha256Of(staged) !== entry.sha256) return false;
  }
  return true;
}

/** Finishes (or, with a damaged staged file, undoes) every journal left by an interrupted change. */
export async function recoverJournals(dir: string, ctx: ChangeContext): Promise<RecoveryReport> {
  const report: RecoveryReport = { rolledForward: [], rolledBack: [], unreadable: [], conflicts: [] };
  for (const rel of await listJournals(dir, ctx.fs)) {
    const path = join(dir, rel);
    const journal = await readJournal(path, ctx.fs);
    if (!journal) {
      await ctx.fs.rename(path, `${path}.bad`);
      report.unreadable.push(rel);
      continue;
    }
    if (await canRollForward(dir, journal, ctx.fs)) {
      await rollForward(dir, journal, ctx, report.conflicts);
      report.rolledForward.push(rel);
    } else {
      for (const entry of journal.writes) await ctx.fs.unlink(join(dir, entry.staged ?? '')).catch(() => undefined);
      report.rolledBack.push(rel);
    }
    await ctx.fs.unlink(path);
    await syncFolder(dirname(path), ctx.fs);
  }
  return report;
}

async function rollForward(dir: string, journal: JournalFile, ctx: ChangeContext, conflicts: Conflict[]): Promise<void> {
  const pending: JournalFile = { ...journal, writes: [], removals: journal.removals };
  for (const entry of journal.writes) {
    const staged = join(dir, entry.staged ?? '');
    const isStaged = await ctx.fs.readFile(staged).then(
      () => true,
      () => false,
    );
    if (isStaged) pending.writes.push(entry);
  }
  await applyJournal(dir, pending, ctx, conflicts, () => undefined);
  // A crash between moving a file aside and judging it leaves the file aside: judge it now.
  const asidesIn = new Map<string, string[]>();
  for (const entry of [...journal.writes, ...journal.removals]) {
    const target = join(dir, entry.target);
    const folder = dirname(target);
    if (!asidesIn.has(folder)) asidesIn.set(folder, (await ctx.fs.readdir(folder).catch(() => [] as string[])).filter(isAsideName));
    for (const name of asidesIn.get(folder) ?? []) {
      const prefix = `.${basename(target)}.`;
      if (name.startsWith(prefix) && /^[0-9a-f]{12}\.aside$/.test(name.slice(prefix.length))) {
        await judgeAside({ target, entry, ctx, conflicts }, join(dirname(target), name));
      }
    }
  }
}
