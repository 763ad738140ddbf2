// A folder export replaces the previous one all or nothing, even across a kill -9 or a power loss
// (docs/export.md, "Crash safety"):
//   1. stage: every new file, the marker included, is written into a hidden staging folder beside the
//      export folder, `.<name>.annals-export.<pid>/new/`, and fsynced; the folders are fsynced;
//   2. commit: the staging folder's journal.json records the previous export's files and the new
//      ones (with their sha256), state "swapping", written atomically;
//   3. swap: each file of the previous export is moved into the staging folder's `old/`; the journal's
//      state becomes "placing"; each new file is moved in; the folders are fsynced;
//   4. the journal's state becomes "done" (atomically); the staging folder, which now holds only the
//      previous export's files, is deleted.
// Recovery (before every export to the folder) deletes a staging folder without a journal (a crash
// before 2: the export folder was not touched), rolls a "swapping" or "placing" journal back (new
// files out, previous files back in) and deletes the staging folder of a "done" one. So the folder is always
// the previous export or the new one, once recovered. Only files the previous export's marker lists
// are moved; a new file never replaces a file Annals did not write (link refuses an existing name).
import * as nodeFs from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { type ArchiveFs, errnoOf, isMissingError, renameIfPresent } from '../archive/archive-fs';
import { syncFolder, writeFilesAtomic } from '../archive/atomic-write';
import { sha256Of } from '../archive/journal';
import { ExportWriteError } from './export-errors';

const JOURNAL = 'journal.json';
const JOURNAL_FORMAT = 'annals-export-journal';
const SIBLING_SUFFIX = '.annals-export.';
const INSIDE_PREFIX = '.annals-export-staging.';

export interface SwapJournal {
  format: typeof JOURNAL_FORMAT;
  version: 1;
  /** swapping: previous files being moved aside, no new file placed yet; placing: new files being placed. */
  state: 'swapping' | 'placing' | 'done';
  /** Files of the previous export (relative), moved to `old/` during the swap. */
  previous: string[];
  /** Files of the new export (relative) and the sha256 of each. */
  files: string[];
  sha256: string[];
}

export interface StagedFile {
  /** Relative, `/`-separated, already checked to stay inside the export folder. */
  path: string;
  content: string;
}

/** Where an export folder's staging folders live, and how their names start. */
interface StagingPlace {
  parent: string;
  prefix: string;
}

/** Beside the folder normally; inside it when the folder is a mount point (a rename cannot cross file systems). */
async function choosePlace(out: string): Promise<StagingPlace> {
  const sibling = { parent: dirname(out), prefix: `.${basename(out)}${SIBLING_SUFFIX}` };
  if (sibling.parent === out) return { parent: out, prefix: INSIDE_PREFIX };
  const [own, parent] = await Promise.all([nodeFs.stat(out).catch(() => null), nodeFs.stat(sibling.parent).catch(() => null)]);
  return own && parent && own.dev !== parent.dev ? { parent: out, prefix: INSIDE_PREFIX } : sibling;
}

/** Staging folders of `out` left anywhere it could have put one (absolute paths). */
export async function findStagingFolders(out: string, fs: ArchiveFs): Promise<string[]> {
  const places: StagingPlace[] = [{ parent: out, prefix: INSIDE_PREFIX }];
  if (dirname(out) !== out) places.push({ parent: dirname(out), prefix: `.${basename(out)}${SIBLING_SUFFIX}` });
  const found: string[] = [];
  for (const place of places) {
    const names = await fs.readdir(place.parent).catch((error: unknown) => {
      if (isMissingError(error) || errnoOf(error) === 'ENOTDIR') return [] as string[];
      throw error;
    });
    for (const name of names) {
      if (name.startsWith(place.prefix) && /^\d+$/.test(name.slice(place.prefix.length))) found.push(join(place.parent, name));
    }
  }
  return found;
}

function ownerOf(staging: string): number {
  return Number(basename(staging).slice(basename(staging).lastIndexOf('.') + 1));
}

function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return errnoOf(error) === 'EPERM'; // it exists, and belongs to another user
  }
}

async function writeDurably(fs: ArchiveFs, path: string, data: string): Promise<void> {
  const handle = await fs.open(path, 'wx', 0o644);
  try {
    await handle.writeFile(data);
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** Creates `root` and each file's folder in it, once; answers every folder involved, `root` included. */
async function ensureFolders(fs: ArchiveFs, root: string, paths: string[]): Promise<Set<string>> {
  await fs.mkdir(root, { recursive: true });
  const folders = new Set<string>([root]);
  for (const path of paths) {
    const folder = dirname(join(root, path));
    if (!folders.has(folder)) await fs.mkdir(folder, { recursive: true });
    folders.add(folder);
  }
  return folders;
}

async function syncAll(fs: ArchiveFs, folders: Iterable<string>): Promise<void> {
  for (const folder of folders) await syncFolder(folder, fs);
}

/** Steps 1 and 2: stages the new files and commits the journal; answers the staging folder. */
export async function stageExport(out: string, files: StagedFile[], previous: string[], fs: ArchiveFs): Promise<{ staging: string; journal: SwapJournal }> {
  const place = await choosePlace(out);
  const staging = join(place.parent, `${place.prefix}${process.pid}`);
  try {
    const folders = await ensureFolders(fs, join(staging, 'new'), files.map((file) => file.path));
    for (const file of files) await writeDurably(fs, join(staging, 'new', file.path), file.content);
    await syncAll(fs, [...folders, staging, place.parent]);
    const journal: SwapJournal = {
      format: JOURNAL_FORMAT,
      version: 1,
      state: 'swapping',
      previous,
      files: files.map((file) => file.path),
      sha256: files.map((file) => sha256Of(file.content)),
    };
    await writeJournal(fs, staging, journal);
    return { staging, journal };
  } catch (error) {
    await removeStaging(staging);
    throw error;
  }
}

async function writeJournal(fs: ArchiveFs, staging: string, journal: SwapJournal): Promise<void> {
  await writeFilesAtomic([{ path: join(staging, JOURNAL), data: `${JSON.stringify(journal, null, 1)}\n` }], { fs });
}

/** Puts a staged file at `target`, refusing to replace anything there (a file the user made meanwhile). */
async function placeFile(fs: ArchiveFs, staged: string, target: string): Promise<void> {
  try {
    await fs.link(staged, target);
  } catch (error) {
    const errno = errnoOf(error);
    if (errno === 'EEXIST') throw new ExportWriteError('file-exists', `${target} appeared during the export and was not written by Annals; it was left as it is`);
    // No hard links on this file system (FAT, some network shares): a rename, after checking the name is free.
    if (!['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS', 'EXDEV'].includes(errno ?? '')) throw error;
    if (await nodeFs.lstat(target).then(() => true, () => false)) throw new ExportWriteError('file-exists', `${target} appeared during the export and was not written by Annals; it was left as it is`);
    await fs.rename(staged, target);
    return;
  }
  await fs.unlink(staged).catch(() => undefined); // a leftover goes with the staging folder
}

/** Step 3: the previous export's files into `old/`, the new files into the export folder. */
export async function swapExport(out: string, staging: string, journal: SwapJournal, fs: ArchiveFs): Promise<void> {
  const old = join(staging, 'old');
  const oldFolders = await ensureFolders(fs, old, journal.previous);
  const outFolders = new Set([out, ...journal.previous.map((path) => dirname(join(out, path)))]);
  for (const path of journal.previous) await renameIfPresent(fs, join(out, path), join(old, path));
  await syncAll(fs, [...outFolders, ...oldFolders]);
  // From here a file at a new path may be new: rollback must know (an identical previous one is not).
  await writeJournal(fs, staging, { ...journal, state: 'placing' });
  for (const folder of await ensureFolders(fs, out, journal.files)) outFolders.add(folder);
  for (const path of journal.files) await placeFile(fs, join(staging, 'new', path), join(out, path));
  await syncAll(fs, outFolders);
}

/** Step 4: the swap is complete; the previous export's files go with the staging folder. */
export async function finishExport(staging: string, journal: SwapJournal, fs: ArchiveFs): Promise<void> {
  await writeJournal(fs, staging, { ...journal, state: 'done' });
  await removeStaging(staging, fs);
}

/** Deletes a staging folder (best effort: one left over is deleted by the next recovery). */
async function removeStaging(staging: string, fs?: ArchiveFs): Promise<void> {
  await nodeFs.rm(staging, { recursive: true, force: true }).catch(() => undefined);
  if (fs) await syncFolder(dirname(staging), fs);
}

async function isOurs(fs: ArchiveFs, path: string, sha256: string | undefined): Promise<boolean> {
  try {
    return sha256Of((await fs.readFile(path)) as Buffer) === sha256;
  } catch (error) {
    if (isMissingError(error) || errnoOf(error) === 'EISDIR') return false;
    throw error;
  }
}

/** Undoes an interrupted swap: each new file placed is removed, each previous file put back. */
export async function rollBackExport(out: string, staging: string, journal: SwapJournal, fs: ArchiveFs): Promise<void> {
  const old = join(staging, 'old');
  const folders = new Set<string>([out]);
  const previous = new Set(journal.previous);
  for (const [i, path] of journal.files.entries()) {
    if (journal.state !== 'placing') break; // nothing new was placed yet
    folders.add(dirname(join(out, path)));
    // A previous version moved back replaces the new file; with none, the new file is removed if it is ours.
    if (previous.has(path) && (await renameIfPresent(fs, join(old, path), join(out, path)))) continue;
    if (await isOurs(fs, join(out, path), journal.sha256[i])) await fs.unlink(join(out, path));
  }
  for (const path of journal.previous) {
    if (journal.state === 'placing' && journal.files.includes(path)) continue;
    if (!(await nodeFs.lstat(join(old, path)).then(() => true, () => false))) continue; // not moved aside yet, or never there
    folders.add(dirname(join(out, path)));
    await fs.mkdir(dirname(join(out, path)), { recursive: true });
    await fs.rename(join(old, path), join(out, path));
  }
  await syncAll(fs, folders);
  await removeStaging(staging, fs);
}

/** Undoes whatever the journal on disk says an export in `staging` did (nothing, if it was never committed). */
export async function undoStaging(out: string, staging: string, fs: ArchiveFs): Promise<void> {
  const journal = await readJournal(staging, fs);
  if (journal && journal.state !== 'done') await rollBackExport(out, staging, journal, fs);
  else await removeStaging(staging, fs);
}

async function readJournal(staging: string, fs: ArchiveFs): Promise<SwapJournal | null> {
  let text: string;
  try {
    text = String(await fs.readFile(join(staging, JOURNAL), 'utf8'));
  } catch (error) {
    if (isMissingError(error)) return null;
    throw error;
  }
  try {
    const journal = JSON.parse(text) as SwapJournal;
    const isValid = journal.format === JOURNAL_FORMAT && Array.isArray(journal.previous) && Array.isArray(journal.files) && Array.isArray(journal.sha256);
    if (isValid) return journal;
  } catch {
    // fall through: damaged
  }
  throw new ExportWriteError('export-damaged', `the export journal ${join(staging, JOURNAL)} is damaged; move the folder ${staging} away and export again`);
}

export interface ExportRecovery {
  /** Staging folders of an export interrupted before its commit: deleted, the folder was untouched. */
  discarded: string[];
  /** Swaps interrupted midway: rolled back to the previous export. */
  rolledBack: string[];
  /** Swaps that had completed: their staging folder deleted. */
  completed: string[];
}

/**
 * Brings the export folder `out` back to a whole export after a crash: finishes or undoes what an
 * interrupted export left (see the top of this file). Throws 'export-busy' while another live process
 * is exporting to the same folder.
 */
export async function recoverSwaps(out: string, fs: ArchiveFs): Promise<ExportRecovery> {
  const report: ExportRecovery = { discarded: [], rolledBack: [], completed: [] };
  for (const staging of await findStagingFolders(out, fs)) {
    const owner = ownerOf(staging);
    if (owner !== process.pid && isProcessAlive(owner)) {
      throw new ExportWriteError('export-busy', `another Annals process (${owner}) is exporting to ${out}; try again when it has finished`);
    }
    const journal = await readJournal(staging, fs);
    if (!journal) {
      await removeStaging(staging, fs);
      report.discarded.push(staging);
    } else if (journal.state !== 'done') {
      await rollBackExport(out, staging, journal, fs);
      report.rolledBack.push(staging);
    } else {
      await removeStaging(staging, fs);
      report.completed.push(staging);
    }
  }
  return report;
}
