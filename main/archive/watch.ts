// Picks up edits made behind the app's back — another editor, `git pull`, the CLI importing into the
// same folder (DESIGN §2) — and applies them to the open Archive. Events only say "look here": after
// a quiet period the batch's files are re-read under the archive's lock, compared with what the
// archive holds, and only real differences are applied and announced (watch-reader.ts). The watcher
// reads; it never writes a file.
import { relative, sep } from 'node:path';
import type { Archive } from './archive';
import { ArchiveError } from './errors';
import { COLLECTIONS_DIR, ITEMS_DIR, TAXONOMY_FILE, collectionRelPath } from './paths';
import { type Problem, listMarkdownFiles } from './scan';
import { FolderWatches, isArchiveFolder, kindOf } from './watch-folders';
import { OutsideReader } from './watch-reader';

export interface WatchOptions {
  /** Called after outside changes were applied to the archive. */
  onChange: (change: OutsideChange) => void;
  /** Changed files that cannot be read; the archive keeps their last good version. */
  onProblems?: (problems: Problem[]) => void;
  /** Failures of the watcher itself (default console.error). */
  onError?: (error: unknown) => void;
  /** Quiet time that ends a burst of events (default 200 ms). */
  quietMs?: number;
  /** Longest wait from a burst's first event to its processing (default 2000 ms). */
  maxWaitMs?: number;
  /** A batch naming more paths than this re-reads the whole archive (events may have been lost; default 500). */
  fullRescanAt?: number;
}

/** What outside edits changed in the archive. */
export interface OutsideChange {
  items: string[];
  collections: string[];
  removedCollections: string[];
  /** True after a full rescan: a consumer should resynchronise everything. */
  isReset: boolean;
  isTaxonomyChanged: boolean;
}

export interface WatchStats {
  /** Batches read and judged (each a burst of events, or a re-check). */
  batches: number;
  /** Batches that re-read the whole archive. */
  fullRescans: number;
}

export interface ArchiveWatcher {
  readonly stats: Readonly<WatchStats>;
  /** Resolves when no event is waiting and no batch runs. */
  whenIdle(): Promise<void>;
  close(): Promise<void>;
}

interface Batch {
  files: Set<string>;
  /** Folders to look at whole: made, deleted, or a platform that did not name the file. "" = everything. */
  folders: Set<string>;
}

const newBatch = (): Batch => ({ files: new Set(), folders: new Set() });
const sizeOf = (batch: Batch) => batch.files.size + batch.folders.size;

/** Starts watching the archive's folder; resolves once every folder is watched. */
export async function watchArchive(archive: Archive, options: WatchOptions): Promise<ArchiveWatcher> {
  const watcher = new Watcher(archive, options);
  await watcher.start();
  return watcher;
}

class Watcher implements ArchiveWatcher {
  readonly stats: WatchStats = { batches: 0, fullRescans: 0 };
  private readonly quietMs: number;
  private readonly maxWaitMs: number;
  private readonly fullRescanAt: number;
  private readonly reader: OutsideReader;
  private readonly folders: FolderWatches;
  private readonly stopObserving: () => void;
  private pending = newBatch();
  private firstEventAt = 0;
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | null = null;
  private isClosed = false;
  private idleWaiters: (() => void)[] = [];

  constructor(
    private readonly archive: Archive,
    private readonly options: WatchOptions,
  ) {
    this.quietMs = options.quietMs ?? 200;
    this.maxWaitMs = options.maxWaitMs ?? 2000;
    this.fullRescanAt = options.fullRescanAt ?? 500;
    this.reader = new OutsideReader(archive, this.quietMs);
    this.folders = new FolderWatches(archive.dir, (folder, name) => this.noteEvent(folder, name));
    this.stopObserving = archive.observeWrites((path, data) => {
      const rel = relative(archive.dir, path).split(sep).join('/');
      if (kindOf(rel) !== null) this.reader.noteOwnWrite(rel, data);
    });
  }

  async start(): Promise<void> {
    if (!this.folders.watchFolder('')) {
      this.stopObserving();
      throw new ArchiveError('no-archive', `${this.archive.dir} cannot be watched: the folder is gone`);
    }
    await this.folders.watchTree(ITEMS_DIR);
    await this.folders.watchTree(COLLECTIONS_DIR);
  }

  whenIdle(): Promise<void> {
    if (this.isIdle() || this.isClosed) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  async close(): Promise<void> {
    this.isClosed = true;
    clearTimeout(this.timer);
    this.timer = undefined;
    this.folders.closeAll();
    this.stopObserving();
    await this.running;
    this.settleIdle();
  }

  private noteEvent(folder: string, name: string | null): void {
    if (name === null) this.pending.folders.add(folder);
    else {
      const rel = folder ? `${folder}/${name}` : name;
      if (kindOf(rel)) this.pending.files.add(rel);
      else if (isArchiveFolder(rel)) this.pending.folders.add(rel);
      else return;
    }
    this.schedule();
  }

  /** Processes the pending batch after a quiet period, or at the latest `maxWaitMs` after its first event. */
  private schedule(): void {
    if (this.isClosed) return;
    const now = Date.now();
    if (this.firstEventAt === 0) this.firstEventAt = now;
    if (this.running) return; // the running batch schedules the next one when it ends
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.flush(), Math.max(0, Math.min(this.quietMs, this.firstEventAt + this.maxWaitMs - now)));
  }

  private flush(): void {
    this.timer = undefined;
    const batch = this.pending;
    this.pending = newBatch();
    this.firstEventAt = 0;
    this.running = this.archive
      .exclusive(() => this.processBatch(batch))
      .catch((error: unknown) => (this.options.onError ?? ((e) => console.error('[annals] archive watcher failed:', e)))(error))
      .finally(() => {
        this.running = null;
        if (sizeOf(this.pending) > 0) this.schedule();
        else this.settleIdle();
      });
  }

  private isIdle(): boolean {
    return this.timer === undefined && this.running === null && sizeOf(this.pending) === 0;
  }

  private settleIdle(): void {
    if (!this.isIdle() && !this.isClosed) return;
    const waiters = this.idleWaiters;
    this.idleWaiters = [];
    for (const resolve of waiters) resolve();
  }

  private async processBatch(batch: Batch): Promise<void> {
    if (this.isClosed) return;
    const { files, isFull } = await this.collectFiles(batch);
    const { outside, retry } = await this.reader.read([...files]);
    this.stats.batches += 1;
    for (const file of retry) this.pending.files.add(file);
    if (retry.length > 0) this.schedule();
    const hasNews = outside.items.length + outside.collections.length + outside.settled.length + outside.problems.length > 0;
    if (!hasNews && !outside.isTaxonomyChanged) return;
    const change = this.archive.applyOutsideChanges(outside);
    if (this.isClosed) return;
    if (outside.problems.length > 0) this.options.onProblems?.(outside.problems);
    const isChanged = change.items.length + change.collections.length + change.removedCollections.length > 0;
    if (!isChanged && !outside.isTaxonomyChanged) return;
    const { items, collections, removedCollections } = change;
    this.options.onChange({ items, collections, removedCollections, isReset: isFull && isChanged, isTaxonomyChanged: outside.isTaxonomyChanged });
  }

  /** The batch's files, with its folders listed (and re-watched); every file of the archive when there are too many. */
  private async collectFiles(batch: Batch): Promise<{ files: Set<string>; isFull: boolean }> {
    const isFull = batch.folders.has('') || sizeOf(batch) > this.fullRescanAt;
    const files = new Set(batch.files);
    if (isFull) {
      this.stats.fullRescans += 1;
      this.folders.watchFolder('');
      files.add(TAXONOMY_FILE);
    }
    for (const folder of isFull ? [ITEMS_DIR, COLLECTIONS_DIR] : batch.folders) {
      await this.folders.watchTree(folder);
      for (const file of await listMarkdownFiles(this.archive.dir, folder)) if (kindOf(file)) files.add(file);
      for (const file of this.knownFilesUnder(folder)) files.add(file);
    }
    return { files, isFull };
  }

  /** Files the archive holds something from under `folder`: when the folder is gone, they are what went. */
  private knownFilesUnder(folder: string): string[] {
    const known = [
      ...this.archive.itemIndex.all().flatMap((entry) => entry.file ?? []),
      ...this.archive.listCollections().map((collection) => collectionRelPath(collection.slug)),
      ...this.archive.problems.map((problem) => problem.file),
    ];
    return known.filter((file) => file.startsWith(`${folder}/`) && kindOf(file) !== null);
  }
}
