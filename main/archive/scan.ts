// Reads every item and collection file of an archive. A file that does not parse is reported, not fatal:
// one bad hand edit must not hide the rest of the archive.
import { createHash } from 'node:crypto';
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Collection, Item } from '../../shared/model';
import { parseCollection } from './collection-file';
import { isConflictCopyName } from './conflicts';
import { ArchiveFileError } from './front-matter';
import { parseItem } from './item-file';
import { COLLECTIONS_DIR, ITEMS_DIR } from './paths';

export interface Problem {
  /** Path relative to the archive, with "/". */
  file: string;
  code: string;
  message: string;
}

export interface ScanResult {
  items: { item: Item; file: string }[];
  collections: { collection: Collection; file: string }[];
  problems: Problem[];
  /** sha256 of every item and collection file read: what a later write checks the disk against. */
  hashes: Map<string, string>;
}

const PARALLEL_READS = 32;

/** Relative paths ("/"-separated) of the visible `.md` files under `rel`, sorted. */
export async function listMarkdownFiles(dir: string, rel: string): Promise<string[]> {
  let entries;
  try {
    entries = await readdir(join(dir, rel), { withFileTypes: true });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  const out: string[] = [];
  for (const entry of entries) {
    if (entry.name.startsWith('.')) continue;
    const child = `${rel}/${entry.name}`;
    if (entry.isDirectory()) out.push(...(await listMarkdownFiles(dir, child)));
    else if (entry.isFile() && entry.name.endsWith('.md') && !isConflictCopyName(entry.name)) out.push(child);
  }
  return out.sort();
}

type Parse<T> = (text: string, file: string) => T;

async function readAll<T>(dir: string, files: string[], parse: Parse<T>, problems: Problem[], hashes: Map<string, string>) {
  const out: { value: T; file: string }[] = [];
  for (let start = 0; start < files.length; start += PARALLEL_READS) {
    const batch = files.slice(start, start + PARALLEL_READS);
    const contents = await Promise.all(batch.map((file) => readFile(join(dir, file)).catch((e: Error) => e)));
    contents.forEach((bytes, i) => {
      const file = batch[i] as string;
      if (bytes instanceof Error) {
        problems.push({ file, code: 'read-failed', message: `${file}: ${bytes.message}` });
        return;
      }
      hashes.set(file, createHash('sha256').update(bytes).digest('hex'));
      const text = bytes.toString('utf8');
      try {
        out.push({ value: parse(text, file), file });
      } catch (error) {
        if (!(error instanceof ArchiveFileError)) throw error;
        problems.push({ file, code: error.code, message: error.message });
      }
    });
  }
  return out;
}

/** Parses every items/**.md and collections/*.md file of the archive at `dir`. */
export async function scanArchive(dir: string): Promise<ScanResult> {
  const problems: Problem[] = [];
  const hashes = new Map<string, string>();
  const itemFiles = await listMarkdownFiles(dir, ITEMS_DIR);
  const items = (await readAll(dir, itemFiles, parseItem, problems, hashes)).map(({ value, file }) => ({ item: value, file }));
  const collectionFiles = (await listMarkdownFiles(dir, COLLECTIONS_DIR)).filter((f) => f.split('/').length === 2);
  const collections = (
    await readAll(dir, collectionFiles, (text, file) => parseCollection(text, file, slugOfFile(file)), problems, hashes)
  ).map(({ value, file }) => ({ collection: value, file }));
  return { items, collections, problems, hashes };
}

function slugOfFile(file: string): string {
  return (file.split('/').pop() ?? file).replace(/\.md$/, '');
}
