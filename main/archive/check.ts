// Verification of an archive (`annals check`): everything a crash, a bad hand edit or a bad merge could break.
import { createHash } from 'node:crypto';
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Archive } from './archive';
import { findTempFiles } from './atomic-write';
import { isConflictCopyName } from './conflicts';
import { JOURNAL_DIR, isAsideName } from './journal';
import { readManifest } from './manifest';
import { MANIFEST_FILE, sourceRelPath } from './paths';
import type { Problem } from './scan';

async function checkManifest(dir: string): Promise<Problem[]> {
  try {
    return (await readManifest(dir)) ? [] : [{ file: MANIFEST_FILE, code: 'no-archive', message: `${MANIFEST_FILE} is missing` }];
  } catch (error) {
    return [{ file: MANIFEST_FILE, code: (error as { code?: string }).code ?? 'bad-manifest', message: (error as Error).message }];
  }
}

async function checkTempFiles(dir: string): Promise<Problem[]> {
  return (await findTempFiles(dir)).map((path) => {
    const file = path.slice(dir.length + 1).split('\\').join('/');
    return { file, code: 'temp-file', message: `${file} is left over from an interrupted write (opening the archive removes it)` };
  });
}

/** Files of the archive's own machinery left by an interrupted change, and conflict copies to merge by hand. */
export async function findLeftovers(dir: string): Promise<Problem[]> {
  const problems: Problem[] = [];
  const walk = async (rel: string): Promise<void> => {
    const entries = await readdir(join(dir, rel), { withFileTypes: true }).catch(() => []);
    for (const entry of entries) {
      const file = rel ? `${rel}/${entry.name}` : entry.name;
      if (entry.isDirectory()) {
        if (entry.name !== '.git') await walk(file);
      } else if (isAsideName(entry.name)) {
        problems.push({ file, code: 'aside-file', message: `${file} was moved aside by an interrupted write (check --repair restores or keeps it)` });
      } else if (isConflictCopyName(entry.name)) {
        problems.push({ file, code: 'conflict-copy', message: `${file} is another program's version of a file Annals changed; merge it by hand, then delete it` });
      } else if (file.startsWith(`${JOURNAL_DIR}/`) && entry.name.endsWith('.json') && !entry.name.startsWith('.')) {
        problems.push({ file, code: 'journal-pending', message: `${file}: a change was interrupted (opening the archive for writing, or check --repair, finishes it)` });
      } else if (file.startsWith(`${JOURNAL_DIR}/`) && entry.name.endsWith('.bad')) {
        problems.push({ file, code: 'bad-journal', message: `${file}: an unreadable journal was set aside; its change may be incomplete` });
      }
    }
  };
  await walk('');
  return problems;
}

function checkCollections(archive: Archive): Problem[] {
  const problems: Problem[] = [];
  for (const collection of archive.listCollections()) {
    const file = `collections/${collection.slug}.md`;
    const seen = new Set<string>();
    for (const entry of collection.entries) {
      if (seen.has(entry.id)) {
        problems.push({ file, code: 'duplicate-entry', message: `${file}: item ${entry.id} is listed twice` });
      }
      seen.add(entry.id);
      if (!archive.getItem(entry.id)) {
        problems.push({ file, code: 'missing-item', message: `${file}: entry ${entry.id} points at no item of the archive` });
      }
    }
  }
  return problems;
}

async function checkSources(archive: Archive): Promise<Problem[]> {
  const problems: Problem[] = [];
  const verified = new Map<string, boolean>();
  for (const item of archive.listItems()) {
    const itemFile = archive.itemFile(item.id) ?? item.id;
    for (const source of item.sources) {
      const file = sourceRelPath(source.sha256, source.ext);
      if (!verified.has(file)) {
        const bytes = await readFile(join(archive.dir, file)).catch(() => null);
        verified.set(file, bytes !== null && createHash('sha256').update(bytes).digest('hex') === source.sha256);
      }
      if (!verified.get(file)) {
        problems.push({ file: itemFile, code: 'missing-source', message: `${itemFile}: source ${file} is missing or does not match its hash` });
      }
    }
  }
  return problems;
}

/** Every problem found in the archive; an empty list means the archive is sound. */
export async function checkArchive(archive: Archive): Promise<Problem[]> {
  return [
    ...(await checkManifest(archive.dir)),
    ...archive.problems,
    ...(await checkTempFiles(archive.dir)),
    ...(await findLeftovers(archive.dir)),
    ...checkCollections(archive),
    ...(await checkSources(archive)),
  ];
}
