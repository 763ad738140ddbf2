// An archive folder (DESIGN §2): the files on disk are the truth, this object is their in-memory view.
// Every change is written atomically; when a write fails, the in-memory view is re-read from disk.
import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { Collection, Item } from '../../shared/model';
import { type SearchOptions, type SearchResult, searchArchive } from '../../shared/search';
import { type CompiledTaxonomy, tagText } from '../../shared/taxonomy';
import { type ArchiveFs, nodeArchiveFs } from './archive-fs';
import { type ArchiveLock, acquireArchiveLock } from './archive-lock';
import { type ArchiveConflict, ArchiveWriter, type ConflictListener } from './archive-writer';
import { sweepTempFiles } from './atomic-write';
import { serializeCollection } from './collection-file';
import * as edits from './collection-edits';
import { ArchiveError } from './errors';
import { type ImportOptions, type ImportResult, importIntoArchive } from './import';
import { type ItemPatch, applyItemPatch, retagItem, taggableText } from './item-edits';
import { serializeItem } from './item-file';
import { isSameCollection, isSameItem } from './same-content';
import { type PlannedRemoval, type PlannedWrite, type RecoveryReport, recoverJournals } from './journal';
import { ItemIndex } from './item-index';
import { type Manifest, createManifest, readManifest } from './manifest';
import { COLLECTIONS_DIR, ITEMS_DIR, SOURCES_DIR, collectionRelPath, itemRelPath } from './paths';
import { ITEMS_CACHE_MIN_ITEMS, readItemsCache, writeItemsCache } from './items-cache';
import { type Problem, type ScanResult, scanArchive } from './scan';
import { checkArchive } from './check';
import { SEARCH_CACHE_FILE, loadOrBuildSearchIndex } from './search-cache';
import { type ArchiveStats, computeStats } from './stats';
import { loadArchiveTaxonomy } from './taxonomy-file';
import { type ArchiveChange, type ChangeListener, ChangeEmitter, WriteLock } from './write-lock';

export interface OpenOptions {
  /** Create the archive when the folder is missing or empty. */
  create?: boolean;
  /** Delete temp files left by an interrupted write (default true; `check` opens without it to report them). */
  sweep?: boolean;
  /** Clock, injectable for tests. */
  now?: () => Date;
  /**
   * Open without the write lock (.annals/lock): no journal is finished, no temp file swept, every
   * change refused ('read-only'). For commands that only read (search, stats, check).
   */
  readOnly?: boolean;
  /** Who takes the lock, shown to a process refused by it (default "Annals"). */
  tool?: string;
  /** The write path's file system; tests inject failures (testing/faulty-fs.ts). */
  fs?: ArchiveFs;
}

/** An item about to be written: `previous` is its state on disk (null for a new item). */
export interface ItemChange {
  item: Item;
  previous: Item | null;
  /** serializeItem(item), when the caller has it already (an import prepares it in the ingest worker). */
  data?: string;
}

/** Files changed outside the app, as the watcher read them (watch.ts): what `applyOutsideChanges` applies. */
export interface OutsideFiles {
  /** An item file's content now; null when the file is gone. */
  items: { file: string; item: Item | null }[];
  collections: { slug: string; collection: Collection | null }[];
  /** Files read again: their earlier problems are dropped (`problems` are the current ones). */
  settled: string[];
  problems: Problem[];
  /** sha256 of the files read: later writes check the disk still holds these. */
  hashes: { file: string; sha256: string }[];
  isTaxonomyChanged: boolean;
}

/** Told of every file the archive is about to write (its data) or remove (null); paths are absolute. */
export type WriteObserver = (path: string, data: string | Uint8Array | null) => void;

/** Opens (or with `create`, creates) the archive in `dir`. */
export async function openArchive(dir: string, options: OpenOptions = {}): Promise<Archive> {
  const now = options.now ?? (() => new Date());
  let manifest = await readManifest(dir);
  if (!manifest) {
    if (!options.create) {
      throw new ArchiveError('no-archive', `${dir} is not an Annals archive (no annals.json); create one with "annals init"`);
    }
    await mkdir(dir, { recursive: true });
    manifest = await createManifest(dir, now());
    for (const sub of [ITEMS_DIR, COLLECTIONS_DIR, SOURCES_DIR]) await mkdir(join(dir, sub), { recursive: true });
  }
  const fs = options.fs ?? nodeArchiveFs;
  const isReadOnly = options.readOnly === true;
  const lock = isReadOnly ? null : await acquireArchiveLock(dir, options.tool ?? 'Annals', fs);
  let recovery: RecoveryReport | null = null;
  try {
    if (lock) {
      // Only the lock holder may finish journals or sweep: a temp file may belong to a running writer.
      recovery = await recoverJournals(dir, { fs, now });
      if (options.sweep !== false) await sweepTempFiles(dir);
    }
    const archive = new Archive(dir, manifest, now, new ArchiveWriter(dir, fs, now, isReadOnly), lock, recovery);
    await archive.loadWithStartCache();
    return archive;
  } catch (error) {
    await lock?.release();
    throw error;
  }
}

export class Archive {
  private index = new ItemIndex();
  private collections = new Map<string, Collection>();
  private fileOwners = new Map<string, string>();
  private scanProblems: Problem[] = [];
  private taxonomyCache: CompiledTaxonomy | null = null;
  private readonly lock = new WriteLock();
  private readonly changes = new ChangeEmitter();
  private readonly writeObservers = new Set<WriteObserver>();
  // The search cache is keyed by the files' stats, so a search run between an outside edit and its
  // application would cache the old view under the new fingerprint.
  private isSearchCacheStale = false;
  // The start cache being written after the open; close() waits for it so no write outlives the archive.
  private startCacheWrite: Promise<void> = Promise.resolve();

  constructor(
    readonly dir: string,
    readonly manifest: Manifest,
    readonly now: () => Date,
    private readonly writer: ArchiveWriter = new ArchiveWriter(dir, nodeArchiveFs, now, false),
    private readonly lockHandle: ArchiveLock | null = null,
    /** What opening the archive finished or undid of changes a crash interrupted (null: read-only). */
    readonly recovery: RecoveryReport | null = null,
  ) {}

  /** True when opened with `readOnly`: no lock held, every change refused. */
  get isReadOnly(): boolean {
    return this.writer.isReadOnly;
  }

  /** The write path's file system (injected in tests). */
  get fs(): ArchiveFs {
    return this.writer.fs;
  }

  /** `path` relative to the archive, with "/". */
  relative(path: string): string {
    return this.writer.rel(path);
  }

  /** Releases the write lock (the archive must not be changed afterwards). */
  async close(): Promise<void> {
    await this.startCacheWrite;
    await this.lockHandle?.release();
  }

  /** Calls `listener` for every conflict copy kept (another program changed a file Annals was about to replace). */
  onConflict(listener: ConflictListener): () => void {
    return this.writer.onConflict(listener);
  }

  /** Re-reads every item and collection file (after external edits, or to roll back a failed write). */
  async reload(): Promise<void> {
    this.applyScan(await scanArchive(this.dir));
  }

  /**
   * Reads the archive as `reload` does, taking unchanged item files from the start cache (items-cache.ts),
   * then refreshes that cache in the background when it was missing or stale. Called by openArchive.
   */
  async loadWithStartCache(): Promise<void> {
    const scannedAt = Date.now();
    const cache = await readItemsCache(this.dir);
    const scan = await scanArchive(this.dir, { cache });
    this.applyScan(scan);
    const isCacheCurrent = scan.cacheHits === scan.itemStamps.length && cache.size === scan.cacheHits;
    if (scan.itemStamps.length >= ITEMS_CACHE_MIN_ITEMS && !isCacheCurrent) {
      // Never awaited by the open: a cache that cannot be written only costs the next open a full read.
      this.startCacheWrite = writeItemsCache(this.dir, scan.itemStamps, scannedAt).catch(() => undefined);
    }
  }

  private applyScan(scan: ScanResult): void {
    const index = new ItemIndex();
    const owners = new Map<string, string>();
    const problems = [...scan.problems];
    for (const { item, file } of scan.items) {
      const other = index.get(item.id);
      if (other) {
        problems.push({ file, code: 'duplicate-id', message: `${file}: id ${item.id} is also used by ${other.file}` });
        continue;
      }
      index.put(item, file);
      owners.set(file, item.id);
    }
    this.index = index;
    this.fileOwners = owners;
    this.collections = new Map(scan.collections.map(({ collection }) => [collection.slug, collection]));
    this.scanProblems = problems;
    this.writer.hashes.clear();
    for (const [file, hash] of scan.hashes) this.writer.hashes.set(file, hash);
    this.changes.emit({ isReload: true });
  }

  /** Runs a change with no other change of this archive in between (writes are serialized). */
  exclusive<T>(task: () => Promise<T>): Promise<T> {
    return this.lock.run(async () => {
      // A change an earlier failure left half-done is finished first, and the files re-read, so the
      // next change is planned on what the disk holds.
      if (await this.writer.settle()) await this.reload();
      return task();
    });
  }

  /** Calls `listener` after every write with what changed; returns the unsubscribe function. */
  onChange(listener: ChangeListener): () => void {
    return this.changes.subscribe(listener);
  }

  /** Calls `observer` before each file the archive writes or removes (the watcher tells its own echoes by it). */
  observeWrites(observer: WriteObserver): () => void {
    this.writeObservers.add(observer);
    return () => this.writeObservers.delete(observer);
  }

  private announceWrites(writes: { path: string; data: string | Uint8Array }[], removals: string[] = []): void {
    for (const observer of this.writeObservers) {
      try {
        for (const { path, data } of writes) observer(path, data);
        for (const path of removals) observer(path, null);
      } catch {
        // An observer's bug must not stop a write.
      }
    }
  }

  /**
   * Applies files changed outside the app (run it under `exclusive`, as the watcher does), then
   * announces and answers what changed. Items move, appear or go as their files say.
   */
  applyOutsideChanges(outside: OutsideFiles): ArchiveChange {
    const items = new Set<string>();
    for (const { file, item } of outside.items) {
      const owner = this.fileOwners.get(file);
      if (owner !== undefined && owner !== item?.id) {
        this.fileOwners.delete(file);
        if (this.index.get(owner)?.file === file) {
          this.index.remove(owner);
          items.add(owner);
        }
      }
      if (!item) continue;
      const old = this.index.get(item.id)?.file;
      if (old && old !== file) this.fileOwners.delete(old);
      this.index.put(item, file);
      this.fileOwners.set(file, item.id);
      items.add(item.id);
    }
    const collections: string[] = [];
    const removedCollections: string[] = [];
    for (const { slug, collection } of outside.collections) {
      if (collection) collections.push(slug);
      else if (this.collections.has(slug)) removedCollections.push(slug);
      if (collection) this.collections.set(slug, collection);
      else this.collections.delete(slug);
    }
    for (const { file, sha256 } of outside.hashes) this.writer.hashes.set(file, sha256);
    for (const { file, item } of outside.items) if (!item) this.writer.hashes.delete(file);
    for (const { slug, collection } of outside.collections) if (!collection) this.writer.hashes.delete(collectionRelPath(slug));
    const settled = new Set([...outside.settled, ...outside.problems.map((p) => p.file)]);
    this.scanProblems = [...this.scanProblems.filter((p) => !settled.has(p.file)), ...outside.problems];
    if (outside.isTaxonomyChanged) this.taxonomyCache = null;
    const change: ArchiveChange = { items: [...items], collections, removedCollections, isReload: false };
    if (items.size + collections.length + removedCollections.length > 0) {
      this.isSearchCacheStale = true;
      this.changes.emit(change);
    }
    return change;
  }

  /** The item the archive holds from `file` (relative, with "/"). */
  itemAtFile(file: string): Item | undefined {
    const owner = this.fileOwners.get(file);
    return owner === undefined ? undefined : this.index.get(owner)?.item;
  }

  /** Files that could not be read at the last scan. */
  get problems(): Problem[] {
    return [...this.scanProblems];
  }

  /** Every item, newest first (undated last), then by title. */
  listItems(): Item[] {
    return this.index
      .all()
      .map((entry) => entry.item)
      .sort((a, b) => (b.date ?? '').localeCompare(a.date ?? '') || a.title.localeCompare(b.title) || a.id.localeCompare(b.id));
  }

  getItem(id: string): Item | undefined {
    return this.index.get(id)?.item;
  }

  /** The file of an item, relative to the archive. */
  itemFile(id: string): string | null {
    return this.index.get(id)?.file ?? null;
  }

  /** For import: the live index (changes to it must be followed by writeItemChanges or reload). */
  get itemIndex(): ItemIndex {
    return this.index;
  }

  listCollections(): Collection[] {
    return [...this.collections.values()].sort((a, b) => a.title.localeCompare(b.title));
  }

  getCollection(slug: string): Collection | undefined {
    return this.collections.get(slug);
  }

  /** A collection by slug, or by title (case-insensitive). */
  findCollection(name: string): Collection | undefined {
    const wanted = name.trim().toLowerCase();
    return this.collections.get(name) ?? this.listCollections().find((c) => c.slug === wanted || c.title.toLowerCase() === wanted);
  }

  /** The built-in taxonomy plus the archive's taxonomy.json (the user's additions), compiled once. */
  async taxonomy(): Promise<CompiledTaxonomy> {
    this.taxonomyCache ??= await loadArchiveTaxonomy(this.dir);
    return this.taxonomyCache;
  }

  /** Runs a query of the app's query language over the archive (index cached in .annals/). */
  async search(query: string, options: SearchOptions = {}): Promise<SearchResult> {
    if (this.isSearchCacheStale) {
      this.isSearchCacheStale = false;
      await rm(join(this.dir, SEARCH_CACHE_FILE), { force: true });
    }
    const { index } = await loadOrBuildSearchIndex(this);
    return searchArchive(index, query, options);
  }

  /** Every problem of the archive (see check.ts); empty when it is sound. */
  async check(): Promise<Problem[]> {
    return checkArchive(this);
  }

  stats(): ArchiveStats {
    return computeStats(this.listItems(), this.collections.size);
  }

  async importPaths(paths: string[], options: ImportOptions = {}): Promise<ImportResult> {
    return importIntoArchive(this, paths, options);
  }

  /**
   * Writes changed items in one batch: an item keeps its file unless its date or title changed (then it
   * moves to its new canonical name). The in-memory index must already hold the new state.
   */
  async writeItemChanges(
    changes: ItemChange[],
    extraWrites: { path: string; data: Uint8Array; sha256?: string }[] = [],
    op = 'items',
  ): Promise<ArchiveConflict[]> {
    // Sources are content-addressed: whatever is there under the name has the same bytes.
    const writes: PlannedWrite[] = extraWrites.map((write) => ({ ...write, expected: undefined }));
    const removals: PlannedRemoval[] = [];
    const placed: { id: string; file: string; old: string | null }[] = [];
    // Names taken by earlier items of this change: fileOwners learns them only after the commit.
    const claimed = new Set<string>();
    for (const { item, previous, data } of changes) {
      const old = this.index.get(item.id)?.file ?? null;
      const isMoved = !old || !previous || previous.date !== item.date || previous.title !== item.title;
      const file = isMoved ? this.freeItemPath(item, claimed) : old;
      claimed.add(file);
      const isSame = (bytes: Buffer) => previous !== null && isSameItem(bytes, file, previous);
      const path = join(this.dir, file);
      writes.push({ path, data: data ?? serializeItem(item), expected: file === old ? this.writer.expectedAt(path) : null, isSame });
      if (old && old !== file) {
        const oldPath = join(this.dir, old);
        removals.push({ path: oldPath, expected: this.writer.expectedAt(oldPath), isSame: (bytes) => previous !== null && isSameItem(bytes, old, previous) });
      }
      placed.push({ id: item.id, file, old });
    }
    this.announceWrites(writes, removals.map((removal) => removal.path));
    const conflicts = await this.writer.commit(op, writes, removals);
    for (const { id, file, old } of placed) {
      const entry = this.index.get(id);
      if (old) this.fileOwners.delete(old);
      this.fileOwners.set(file, id);
      // Only the file changed: set on the index's own entry, since put() would recompute the item's
      // dedupe keys (hundreds of texts normalized in one go after an import batch).
      if (entry) entry.file = file;
    }
    if (placed.length > 0) this.changes.emit({ items: placed.map((p) => p.id) });
    return conflicts;
  }

  private freeItemPath(item: Item, claimed: ReadonlySet<string> = new Set()): string {
    const file = itemRelPath(item);
    const owner = this.fileOwners.get(file);
    return (owner === undefined || owner === item.id) && !claimed.has(file) ? file : itemRelPath(item, 16);
  }

  /** Applies a curator's edit to one item and writes it; returns the item as saved. */
  async updateItem(id: string, patch: ItemPatch): Promise<Item> {
    return this.exclusive(async () => {
      const entry = this.index.get(id);
      if (!entry) throw new ArchiveError('item-not-found', `no item with id ${id}`);
      const next = applyItemPatch(entry.item, patch, this.now().toISOString());
      if (next === entry.item) return next;
      this.index.put(next, entry.file);
      await this.writeOrRollBack([{ item: next, previous: entry.item }], 'edit');
      return next;
    });
  }

  /**
   * Recomputes automatic tags of every item (curator decisions are kept); returns how many changed.
   * `extraWrites` (taxonomy.json with the change that asked for the re-tag) go in the same journaled change.
   */
  async retagAll(taxonomy?: CompiledTaxonomy, extraWrites: { path: string; data: string }[] = []): Promise<number> {
    return this.exclusive(async () => {
      if (taxonomy) this.taxonomyCache = taxonomy;
      const tax = taxonomy ?? (await this.taxonomy());
      const now = this.now().toISOString();
      const changes: ItemChange[] = [];
      for (const { item, file } of this.index.all()) {
        const next = retagItem(item, tagText(taggableText(item), tax), now);
        if (next === item) continue;
        changes.push({ item: next, previous: item });
        this.index.put(next, file);
      }
      await this.writeOrRollBack(changes, 'retag', extraWrites);
      return changes.length;
    });
  }

  /** Writes changes already applied in memory; on failure re-reads the disk, the truth, and rethrows. */
  private async writeOrRollBack(changes: ItemChange[], op: string, extraWrites: { path: string; data: string }[] = []): Promise<void> {
    try {
      await this.writeItemChanges(changes, extraWrites.map((write) => ({ path: write.path, data: Buffer.from(write.data) })), op);
    } catch (error) {
      await this.reload();
      throw error;
    }
  }

  // Collections -------------------------------------------------------------------------------

  private requireCollection(slug: string): Collection {
    const collection = this.collections.get(slug);
    if (!collection) throw new ArchiveError('collection-not-found', `no collection "${slug}"`);
    return collection;
  }

  private async saveCollection(collection: Collection, previous: Collection | null): Promise<Collection> {
    const saved = { ...collection, updated: this.now().toISOString() };
    const file = collectionRelPath(saved.slug);
    const path = join(this.dir, file);
    const isSame = (bytes: Buffer) => previous !== null && isSameCollection(bytes, file, previous);
    const write: PlannedWrite = { path, data: serializeCollection(saved), expected: this.writer.expectedAt(path), isSame };
    this.announceWrites([write]);
    await this.writer.commit('collection', [write]);
    this.collections.set(saved.slug, saved);
    this.changes.emit({ collections: [saved.slug] });
    return saved;
  }

  private changeCollection(slug: string, change: (c: Collection) => Collection): Promise<Collection> {
    return this.exclusive(async () => {
      const current = this.requireCollection(slug);
      const next = change(current);
      return next === current ? current : this.saveCollection(next, current);
    });
  }

  async createCollection(title: string, intro = ''): Promise<Collection> {
    if (!title.trim()) throw new ArchiveError('bad-input', 'a collection needs a title');
    const now = this.now().toISOString();
    return this.exclusive(() => {
      const slug = edits.uniqueSlug(title, this.collections.keys());
      return this.saveCollection({ slug, title: title.trim(), intro, entries: [], created: now, updated: now }, null);
    });
  }

  /** Changes the title; the slug (and so the file name and links to it) stays. */
  async renameCollection(slug: string, title: string): Promise<Collection> {
    if (!title.trim()) throw new ArchiveError('bad-input', 'a collection needs a title');
    return this.changeCollection(slug, (c) => (c.title === title.trim() ? c : { ...c, title: title.trim() }));
  }

  async deleteCollection(slug: string): Promise<void> {
    return this.exclusive(async () => {
      const current = this.requireCollection(slug);
      const file = collectionRelPath(slug);
      const path = join(this.dir, file);
      this.announceWrites([], [path]);
      await this.writer.commit('collection-delete', [], [
        { path, expected: this.writer.expectedAt(path), isSame: (bytes) => isSameCollection(bytes, file, current) },
      ]);
      this.collections.delete(slug);
      this.changes.emit({ removedCollections: [slug] });
    });
  }

  async addToCollection(slug: string, ids: string[], position?: number): Promise<Collection> {
    const missing = ids.filter((id) => !this.index.get(id));
    if (missing.length > 0) throw new ArchiveError('item-not-found', `no item with id ${missing.join(', ')}`);
    return this.changeCollection(slug, (c) => edits.addEntries(c, ids, position));
  }

  async removeFromCollection(slug: string, ids: string[]): Promise<Collection> {
    return this.changeCollection(slug, (c) => edits.removeEntries(c, ids));
  }

  async reorderCollection(slug: string, ids: string[]): Promise<Collection> {
    return this.changeCollection(slug, (c) => edits.reorderEntries(c, ids));
  }

  async setCollectionEntryNote(slug: string, id: string, note: string): Promise<Collection> {
    return this.changeCollection(slug, (c) => edits.setEntryNote(c, id, note));
  }

  /** Sets a collection's entries as they are (repair: entries pointing at missing items dropped). */
  async replaceCollectionEntries(slug: string, entries: Collection['entries']): Promise<Collection> {
    return this.changeCollection(slug, (c) => ({ ...c, entries }));
  }

  async setCollectionIntro(slug: string, intro: string): Promise<Collection> {
    return this.changeCollection(slug, (c) => (c.intro === intro ? c : { ...c, intro }));
  }
}

