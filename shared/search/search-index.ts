// The search index's state and its incremental updates: docs in numbered slots of the inverted index,
// with their columns kept in step. Removal tombstones a slot; tombstones are packed away in bulk.
import { compactDocColumns, createDocColumns, setDocColumns } from './doc-columns';
import type { DocColumns } from './doc-columns';
import { packIndex } from './index-packing';
import { addSlot, countDeadSlots, createInvertedIndex, releaseBuildCaches, removeSlot } from './inverted-index';
import type { InvertedIndex } from './inverted-index';
import { DocStore } from './doc-store';
import type { SearchDoc } from './search-doc';
import { sortTermIds } from './vocabulary';

/**
 * The index: the docs (for snippets and replacement) by id and slot, the inverted index, and the
 * per-slot columns filters, facets and ordering read. Treat as opaque outside shared/search.
 */
export interface SearchIndex {
  readonly docs: DocStore;
  readonly inverted: InvertedIndex;
  readonly columns: DocColumns;
}

// Tombstones are dropped once they are this many and a quarter of the slots.
const MIN_DEAD_SLOTS_TO_COMPACT = 1000;

/** An index with nothing in it. */
export function createEmptySearchIndex(): SearchIndex {
  return { docs: new DocStore(), inverted: createInvertedIndex(), columns: createDocColumns() };
}

/** Creates an index holding the given docs, packed tight. */
export function createSearchIndex(docs: Iterable<SearchDoc> = []): SearchIndex {
  const index = createEmptySearchIndex();
  for (const doc of docs) addOrReplaceDoc(index, doc);
  compactSearchIndex(index, true);
  releaseBuildCaches(index.inverted);
  sortTermIds(index.inverted);
  return index;
}

/** Adds a doc, or replaces the doc with the same id. */
export function addOrReplaceDoc(index: SearchIndex, doc: SearchDoc): void {
  removeDoc(index, doc.id);
  const slot = addSlot(index.inverted, doc);
  setDocColumns(index.columns, slot, doc);
  index.docs.set(slot, doc);
}

/** Removes a doc; unknown ids are ignored. Scores match a fresh build at once (no stale statistics). */
export function removeDoc(index: SearchIndex, id: string): void {
  const slot = index.docs.slots.get(id);
  const old = slot === undefined ? undefined : index.docs.getBySlot(slot);
  if (!old || slot === undefined) return;
  removeSlot(index.inverted, slot, old);
  index.docs.delete(slot);
  const dead = countDeadSlots(index.inverted);
  if (dead >= MIN_DEAD_SLOTS_TO_COMPACT && dead * 4 >= index.inverted.slotCount) compactSearchIndex(index);
}

/**
 * Drops removed docs' postings and the room outgrown posting lists left behind (done by itself
 * once removals pile up; `isForced` packs even without removals).
 */
export function compactSearchIndex(index: SearchIndex, isForced = false): void {
  if (!isForced && countDeadSlots(index.inverted) === 0) return;
  const remap = packIndex(index.inverted);
  compactDocColumns(index.columns, remap);
  index.docs.remap(remap);
}
