// Keeps the mirror (the offline cache, or its in-memory stand-in) and the search index in step with
// main: only changed revisions are fetched, and the index is updated incrementally unless it is
// missing or of another version.
import type { ApiArgs, ApiChannel, ApiResultOf } from '../../../shared/api-contract';
import type { Collection, Item } from '../../../shared/model';
// search-doc, not the search index module: the UI thread must not load the engine (the worker does).
import { toSearchDoc } from '../../../shared/search/search-doc';
import type { SearchDoc } from '../../../shared/search/search-doc';
import { buildMembership, collectAffectedIds } from './membership';
import type { CollectionRef } from './membership';
import { chunk, diffRevisionsInSlices } from './revisions';
import type { MirrorStore } from './mirror-store';
import { collectionRevisionKey, itemRevisionKey } from './schema';
import type { MirrorRevision } from './schema';

/** Calls one Api method: resolves with its result or rejects with an ApiCallError. */
export type CallApi = <C extends ApiChannel>(channel: C, args: ApiArgs<C>) => Promise<ApiResultOf<C>>;

/** The search index as the mirror drives it (in the app: the search worker). */
export interface MirrorIndexer {
  /** The index format version (SEARCH_INDEX_VERSION of the engine the indexer runs). */
  version(): Promise<number>;
  /**
   * Loads a serialized index; false when it is damaged or of another version. The bytes are handed
   * over (the search worker takes their buffer): the caller must not use them afterwards.
   */
  load(bytes: Uint8Array): Promise<boolean>;
  /**
   * Loads the saved index straight from the IndexedDB database `database` (the search worker: the
   * ~500 MB read then never runs on the page's thread); false when there is none or it cannot be
   * used. Optional: without it the saved index is read through the store and handed to `load`.
   */
  loadSaved?(database: string): Promise<boolean>;
  rebuild(docs: SearchDoc[]): Promise<void>;
  apply(upserts: SearchDoc[], removes: string[]): Promise<void>;
  serialize(): Promise<Uint8Array>;
}

export interface SyncReport {
  fetchedItems: number;
  removedItems: number;
  fetchedCollections: number;
  removedCollections: number;
  rebuilt: boolean;
}

export const ITEM_BATCH_SIZE = 500;

/** Loads the saved index into the indexer; false when there is none or it cannot be used. */
export async function loadSavedIndex(store: MirrorStore, indexer: MirrorIndexer): Promise<boolean> {
  if (store.databaseName !== undefined && indexer.loadSaved) return indexer.loadSaved(store.databaseName);
  const saved = await store.readIndex();
  if (!saved || saved.version !== (await indexer.version()) || !(saved.bytes instanceof Uint8Array)) return false;
  return indexer.load(saved.bytes);
}

async function fetchItems(call: CallApi, ids: string[], batchSize: number): Promise<Item[]> {
  const items: Item[] = [];
  for (const ids_ of chunk(ids, batchSize)) items.push(...(await call('items:get', { ids: ids_ })));
  return items;
}

function toDocs(items: readonly Item[], membership: Map<string, CollectionRef[]>): SearchDoc[] {
  return items.map((item) => toSearchDoc(item, membership.get(item.id) ?? []));
}

interface Fetched {
  items: Item[];
  removedItems: string[];
  itemRevs: MirrorRevision[];
  collections: Collection[];
  removedCollections: string[];
  collectionRevs: MirrorRevision[];
}

async function fetchChanges(store: MirrorStore, call: CallApi, batchSize: number): Promise<Fetched> {
  const remote = await call('archive:revisions', {});
  const itemDiff = await diffRevisionsInSlices(await store.readRevisions('item:'), remote.items);
  const collectionDiff = await diffRevisionsInSlices(await store.readRevisions('collection:'), remote.collections);
  const items = await fetchItems(call, itemDiff.changed, batchSize);
  const collections = collectionDiff.changed.length ? await call('collections:get', { slugs: collectionDiff.changed }) : [];
  const remoteItemRev = new Map(remote.items.map((r) => [r.key, r.rev]));
  const remoteCollectionRev = new Map(remote.collections.map((r) => [r.key, r.rev]));
  // An item asked for but not returned was deleted meanwhile: the next sync settles it.
  const gotItems = new Set(items.map((i) => i.id));
  const gotCollections = new Set(collections.map((c) => c.slug));
  return {
    items,
    removedItems: itemDiff.removed.concat(itemDiff.changed.filter((id) => !gotItems.has(id))),
    itemRevs: items.map((i) => ({ key: itemRevisionKey(i.id), rev: remoteItemRev.get(i.id) ?? '' })),
    collections,
    removedCollections: collectionDiff.removed.concat(collectionDiff.changed.filter((s) => !gotCollections.has(s))),
    collectionRevs: collections.map((c) => ({ key: collectionRevisionKey(c.slug), rev: remoteCollectionRev.get(c.slug) ?? '' })),
  };
}

// The records and the dropped saved index go in one write: if the app stops before the new index
// is saved, the next start finds no index and rebuilds it from the (consistent) mirror.
async function writeMirror(store: MirrorStore, f: Fetched): Promise<void> {
  await store.writeChanges({
    items: f.items,
    removedItems: f.removedItems,
    collections: f.collections,
    removedCollections: f.removedCollections,
    revisions: [...f.itemRevs, ...f.collectionRevs],
    removedRevisions: [...f.removedItems.map(itemRevisionKey), ...f.removedCollections.map(collectionRevisionKey)],
  });
}

function hasChanges(f: Fetched): boolean {
  return f.items.length + f.removedItems.length + f.collections.length + f.removedCollections.length > 0;
}

async function updateIndex(store: MirrorStore, indexer: MirrorIndexer, f: Fetched, before: Collection[]): Promise<void> {
  const after = await store.listCollections();
  const membership = buildMembership(after);
  const touched = collectAffectedIds(before.filter((c) => f.removedCollections.includes(c.slug) || f.collections.some((n) => n.slug === c.slug)), f.collections);
  for (const item of f.items) touched.add(item.id);
  for (const id of f.removedItems) touched.delete(id);
  const items = await store.getItems([...touched]);
  await indexer.apply(toDocs(items, membership), f.removedItems);
}

async function rebuildIndex(store: MirrorStore, indexer: MirrorIndexer): Promise<void> {
  const membership = buildMembership(await store.listCollections());
  await indexer.rebuild(toDocs(await store.listItems(), membership));
}

/** Saves the indexer's index as the mirror's search index. */
export async function saveIndex(store: MirrorStore, indexer: MirrorIndexer): Promise<void> {
  const bytes = await indexer.serialize();
  await store.writeIndex(await indexer.version(), bytes);
}

/**
 * Brings the mirror up to date with main. `rebuild` asks for a fresh index from the whole mirror
 * (the saved one was missing or unusable); otherwise only the changed docs are re-indexed.
 * `deferSave` leaves saving the index to the caller (saveIndex), which may batch several syncs:
 * until then the mirror has no saved index, so a crash only costs a rebuild.
 */
export async function syncMirror(
  store: MirrorStore,
  call: CallApi,
  indexer: MirrorIndexer,
  options: { rebuild: boolean; batchSize?: number; deferSave?: boolean },
): Promise<SyncReport> {
  const fetched = await fetchChanges(store, call, options.batchSize ?? ITEM_BATCH_SIZE);
  const changed = hasChanges(fetched);
  const before = changed ? await store.listCollections() : [];
  if (changed) await writeMirror(store, fetched);
  if (options.rebuild) await rebuildIndex(store, indexer);
  else if (changed) await updateIndex(store, indexer, fetched, before);
  if ((options.rebuild || changed) && !options.deferSave) await saveIndex(store, indexer);
  return {
    fetchedItems: fetched.items.length,
    removedItems: fetched.removedItems.length,
    fetchedCollections: fetched.collections.length,
    removedCollections: fetched.removedCollections.length,
    rebuilt: options.rebuild,
  };
}
