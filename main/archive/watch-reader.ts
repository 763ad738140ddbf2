// How the archive watcher (watch.ts) reads changed files and decides what they mean. A file that
// still holds what the archive itself wrote is an echo; one missing or empty is judged only when it is
// still so a quiet period later (an editor's save, a `git checkout` in progress); one that does not
// parse keeps the archive's last good version and is reported.
import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import type { Collection, Item } from '../../shared/model';
import type { Archive, OutsideFiles } from './archive';
import { parseCollection } from './collection-file';
import { ArchiveFileError } from './front-matter';
import { parseItem } from './item-file';
import type { Problem } from './scan';
import { kindOf, slugOfCollectionFile } from './watch-folders';

type Reading =
  | { file: string; state: 'missing' | 'empty' | 'own' | 'present' }
  | { file: string; state: 'broken'; problem: Problem }
  | { file: string; state: 'item'; item: Item; sha256: string }
  | { file: string; state: 'collection'; collection: Collection; sha256: string };

type ParsedItem = { file: string; item: Item; sha256: string };

const PARALLEL_READS = 32;

function hashOf(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

/** Equal content whatever the key order or undefined fields (an item edited in memory vs. the same item parsed). */
function isSameContent(a: object | undefined, b: object): boolean {
  return a !== undefined && isDeepStrictEqual(JSON.parse(JSON.stringify(a)), JSON.parse(JSON.stringify(b)));
}

function newOutsideFiles(): OutsideFiles {
  return { items: [], collections: [], settled: [], problems: [], hashes: [], isTaxonomyChanged: false };
}

export class OutsideReader {
  // What the archive itself last wrote to each file (sha256): a file that still holds it is our echo.
  private readonly ownWrites = new Map<string, string>();
  private readonly missingSince = new Map<string, number>();
  private readonly emptySince = new Map<string, number>();

  constructor(
    private readonly archive: Archive,
    private readonly quietMs: number,
  ) {}

  /** Called for each file the archive writes (data) or removes (null), with its relative path. */
  noteOwnWrite(file: string, data: string | Uint8Array | null): void {
    if (data === null) this.ownWrites.delete(file);
    else this.ownWrites.set(file, hashOf(data));
  }

  /** Reads `files` and answers what to apply, and which files to read again later. Run it under the archive's lock. */
  async read(files: string[]): Promise<{ outside: OutsideFiles; retry: string[] }> {
    const readings: Reading[] = [];
    for (let start = 0; start < files.length; start += PARALLEL_READS) {
      readings.push(...(await Promise.all(files.slice(start, start + PARALLEL_READS).map((file) => this.readOne(file)))));
    }
    const outside = newOutsideFiles();
    const retry: string[] = [];
    const parsed: ParsedItem[] = [];
    for (const reading of readings) {
      if (reading.state === 'item') parsed.push(reading);
      else this.judge(reading, outside, retry);
    }
    await this.placeItems(parsed, new Map(readings.map((reading) => [reading.file, reading])), outside);
    return { outside, retry };
  }

  private async readOne(file: string): Promise<Reading> {
    let bytes: Buffer;
    try {
      bytes = await readFile(join(this.archive.dir, file));
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOENT' || code === 'ENOTDIR') return { file, state: 'missing' };
      return { file, state: 'broken', problem: { file, code: 'read-failed', message: `${file}: ${(error as Error).message}` } };
    }
    const kind = kindOf(file);
    if (kind === 'taxonomy') return { file, state: 'present' };
    const sha256 = hashOf(bytes);
    if (this.ownWrites.get(file) === sha256) return { file, state: 'own' };
    const text = bytes.toString('utf8');
    if (text.trim() === '') return { file, state: 'empty' };
    try {
      if (kind === 'item') return { file, state: 'item', item: parseItem(text, file), sha256 };
      return { file, state: 'collection', collection: parseCollection(text, file, slugOfCollectionFile(file)), sha256 };
    } catch (error) {
      if (!(error instanceof ArchiveFileError)) throw error;
      return { file, state: 'broken', problem: { file, code: error.code, message: error.message } };
    }
  }

  private judge(reading: Exclude<Reading, { state: 'item' }>, outside: OutsideFiles, retry: string[]): void {
    const { file } = reading;
    if (reading.state !== 'missing') this.missingSince.delete(file);
    if (reading.state !== 'empty') this.emptySince.delete(file);
    switch (reading.state) {
      case 'present':
        outside.isTaxonomyChanged = true;
        return;
      case 'own':
        this.ownWrites.delete(file);
        outside.settled.push(file);
        return;
      case 'missing':
        if (kindOf(file) === 'taxonomy') outside.isTaxonomyChanged = true;
        else if (!this.isKnown(file)) outside.settled.push(file);
        else if (this.isStillSo(this.missingSince, file, retry)) this.removeFile(file, outside);
        return;
      case 'empty':
        if (this.isStillSo(this.emptySince, file, retry)) outside.problems.push({ file, code: 'empty-file', message: `${file}: the file is empty` });
        return;
      case 'broken':
        outside.problems.push(reading.problem);
        return;
      case 'collection': {
        outside.settled.push(file);
        const { collection, sha256 } = reading;
        outside.hashes.push({ file, sha256 });
        if (isSameContent(this.archive.getCollection(collection.slug), collection)) return;
        outside.collections.push({ slug: collection.slug, collection });
        this.ownWrites.delete(file);
        return;
      }
    }
  }

  /** Whether the archive holds something from `file` (a deletion of an unknown file changes nothing). */
  private isKnown(file: string): boolean {
    if (kindOf(file) === 'item') return this.archive.itemAtFile(file) !== undefined;
    return this.archive.getCollection(slugOfCollectionFile(file)) !== undefined;
  }

  /** True when a file was already in this state a quiet period ago; until then it is read again later. */
  private isStillSo(since: Map<string, number>, file: string, retry: string[]): boolean {
    const first = since.get(file);
    const now = Date.now();
    if (first !== undefined && now - first >= this.quietMs) {
      since.delete(file);
      return true;
    }
    if (first === undefined) since.set(file, now);
    retry.push(file);
    return false;
  }

  private removeFile(file: string, outside: OutsideFiles): void {
    outside.settled.push(file);
    if (kindOf(file) === 'item') outside.items.push({ file, item: null });
    else outside.collections.push({ slug: slugOfCollectionFile(file), collection: null });
  }

  /**
   * Places parsed items. An id lives in one file: a copy of a file is the duplicate (the file that
   * already holds the id is placed first), and an item whose old file is gone, or now holds another
   * item, has moved (a rename, a `git mv`).
   */
  private async placeItems(parsed: ParsedItem[], readings: Map<string, Reading>, outside: OutsideFiles): Promise<void> {
    const keepsItsId = (entry: ParsedItem) => this.archive.itemFile(entry.item.id) === entry.file;
    parsed.sort((a, b) => Number(keepsItsId(b)) - Number(keepsItsId(a)));
    const claimed = new Map<string, string>();
    for (const { file, item, sha256 } of parsed) {
      outside.settled.push(file);
      outside.hashes.push({ file, sha256 });
      const holder = claimed.get(item.id) ?? (await this.holderElsewhere(item.id, file, readings));
      if (holder !== null) {
        outside.problems.push({ file, code: 'duplicate-id', message: `${file}: id ${item.id} is also used by ${holder}` });
        if (this.archive.itemAtFile(file)) outside.items.push({ file, item: null });
        continue;
      }
      claimed.set(item.id, file);
      if (isSameContent(this.archive.itemAtFile(file), item)) continue;
      outside.items.push({ file, item });
      this.ownWrites.delete(file);
    }
  }

  /** The other file that still holds item `id`, or null when there is none (or it no longer holds it). */
  private async holderElsewhere(id: string, file: string, readings: Map<string, Reading>): Promise<string | null> {
    const other = this.archive.itemFile(id);
    if (other === null || other === file) return null;
    const reading = readings.get(other);
    if (!reading) return (await stat(join(this.archive.dir, other)).catch(() => null)) ? other : null;
    if (reading.state === 'missing') return null;
    if (reading.state === 'item' && reading.item.id !== id) return null;
    return other;
  }
}
