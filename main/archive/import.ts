// Import of files and folders into an archive. Each file is parsed completely before anything is
// written, so a file that fails leaves the archive untouched; one failing file does not stop the rest.
import { createHash } from 'node:crypto';
import { access, readdir, stat } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import type { Item, ParsedItem } from '../../shared/model';
import { IngestError, readPage } from '../ingest';
import { type AbsorbKind, absorbItem } from './absorb';
import type { Archive, ItemChange } from './archive';
import { buildItem } from './new-item';
import { sourceExtension, sourceRelPath } from './paths';

interface ParsedPage {
  url?: string | null;
  items: ParsedItem[];
}

export const IMPORTABLE_EXTENSIONS = ['.txt', '.md', '.html', '.htm'];

export interface ImportProgress {
  step: 'listing' | 'importing' | 'done';
  done: number;
  total: number;
  /** The file being imported (step "importing"). */
  file?: string;
}

export interface ImportOptions {
  onProgress?: (progress: ImportProgress) => void;
  /** Aborting stops between files; files already imported stay, the archive stays consistent. */
  signal?: AbortSignal;
}

export interface FileImportResult {
  file: string;
  added: number;
  merged: number;
  duplicates: number;
  error?: { code: string; message: string };
}

export interface ImportResult {
  added: number;
  merged: number;
  duplicates: number;
  failed: { file: string; code: string; message: string }[];
  files: FileImportResult[];
  cancelled: boolean;
}

function isImportable(name: string): boolean {
  return !name.startsWith('.') && IMPORTABLE_EXTENSIONS.some((ext) => name.toLowerCase().endsWith(ext));
}

async function listFolder(dir: string, skip: string): Promise<string[]> {
  if (resolve(dir) === skip) return [];
  const entries = await readdir(dir, { withFileTypes: true });
  const out: string[] = [];
  for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
    const path = join(dir, entry.name);
    if (entry.isDirectory() && !entry.name.startsWith('.')) out.push(...(await listFolder(path, skip)));
    else if (entry.isFile() && isImportable(entry.name)) out.push(path);
  }
  return out;
}

/**
 * Expands folders (recursively, importable extensions only; the archive itself is skipped). A file
 * named explicitly is kept whatever its extension, so the ingest reports why it cannot be read.
 */
export async function expandImportPaths(paths: string[], archiveDir: string): Promise<string[]> {
  const out: string[] = [];
  for (const path of paths) {
    const info = await stat(path).catch(() => null);
    if (info?.isDirectory()) out.push(...(await listFolder(path, resolve(archiveDir))));
    else out.push(path);
  }
  return [...new Set(out)];
}

async function exists(path: string): Promise<boolean> {
  return access(path).then(
    () => true,
    () => false,
  );
}

/** Imports one file: parse, then absorb its items in memory, then write the source and the items. */
async function importFile(archive: Archive, file: string): Promise<FileImportResult> {
  const result: FileImportResult = { file, added: 0, merged: 0, duplicates: 0 };
  const { bytes, page } = await readPage(file, await archive.taxonomy());
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const ext = sourceExtension(file);
  const now = archive.now().toISOString();
  try {
    await absorbAndWrite(archive, page, { sha256, ext, file, bytes, now }, result);
  } catch (error) {
    // The in-memory view may hold this file's items already: the disk is the truth.
    await archive.reload();
    throw error;
  }
  return result;
}

const COUNTER: Record<AbsorbKind, 'added' | 'merged' | 'duplicates'> = { added: 'added', merged: 'merged', duplicate: 'duplicates' };

interface SourceInfo {
  sha256: string;
  ext: string;
  file: string;
  bytes: Uint8Array;
  now: string;
}

async function absorbAndWrite(archive: Archive, page: ParsedPage, source: SourceInfo, result: FileImportResult) {
  const { sha256, ext, file, bytes, now } = source;
  const index = archive.itemIndex;
  const previous = new Map<string, Item | null>();
  page.items.forEach((parsed, position) => {
    const incoming = buildItem(parsed, { sha256, file: basename(file), ext, url: page.url ?? null, index: position }, now);
    const outcome = absorbItem(index, incoming, now);
    // The first change of an item in this file holds its state on disk.
    if (outcome.changedId !== null && !previous.has(outcome.changedId)) previous.set(outcome.changedId, outcome.previous);
    result[COUNTER[outcome.kind]] += 1;
  });
  const changes: ItemChange[] = [];
  for (const [id, before] of previous) {
    const after = index.get(id)?.item;
    if (after && after !== before) changes.push({ item: after, previous: before });
  }
  const sourcePath = join(archive.dir, sourceRelPath(sha256, ext));
  const sourceWrite = (await exists(sourcePath)) ? [] : [{ path: sourcePath, data: bytes }];
  await archive.writeItemChanges(changes, sourceWrite, 'import');
}

/** Imports files and folders into the archive; see ImportResult for what is reported. */
export async function importIntoArchive(archive: Archive, paths: string[], options: ImportOptions = {}): Promise<ImportResult> {
  const result: ImportResult = { added: 0, merged: 0, duplicates: 0, failed: [], files: [], cancelled: false };
  options.onProgress?.({ step: 'listing', done: 0, total: paths.length });
  const files = await expandImportPaths(paths, archive.dir);
  for (const [done, file] of files.entries()) {
    if (options.signal?.aborted) {
      result.cancelled = true;
      break;
    }
    options.onProgress?.({ step: 'importing', done, total: files.length, file });
    let outcome: FileImportResult;
    try {
      outcome = await archive.exclusive(() => importFile(archive, file));
    } catch (error) {
      const code = error instanceof IngestError ? error.code : ((error as { code?: string }).code ?? 'write-failed');
      const message = error instanceof Error ? error.message : String(error);
      outcome = { file, added: 0, merged: 0, duplicates: 0, error: { code, message } };
      result.failed.push({ file, code, message });
    }
    result.files.push(outcome);
    result.added += outcome.added;
    result.merged += outcome.merged;
    result.duplicates += outcome.duplicates;
  }
  options.onProgress?.({ step: 'done', done: result.files.length, total: files.length });
  return result;
}
