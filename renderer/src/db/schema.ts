// The renderer's Dexie mirror of the archive (the offline cache): a cache that can always be rebuilt
// from main. Only db/dexie-store.ts opens it; everything else goes through a MirrorStore.
// Released schema versions are never edited: a change adds `this.version(N + 1)` with an upgrade.
import Dexie from 'dexie';
import type { Table } from 'dexie';
import type { Collection, Item } from '../../../shared/model';

/** The revision main reported for an item (`item:<id>`) or a collection (`collection:<slug>`). */
export interface MirrorRevision {
  key: string;
  rev: string;
}

/**
 * The search index in its binary form, saved with the version of shared/search that wrote it
 * (binary because the text form of a large archive's index exceeds the longest string).
 */
export interface SavedSearchIndex {
  key: 'main';
  version: number;
  bytes: Uint8Array;
}

/** A small persisted UI preference (last query, sort, theme…). */
export interface UiStateEntry {
  key: string;
  value: unknown;
}

export class AnnalsDb extends Dexie {
  items!: Table<Item, string>;
  collections!: Table<Collection, string>;
  revisions!: Table<MirrorRevision, string>;
  searchIndex!: Table<SavedSearchIndex, string>;
  uiState!: Table<UiStateEntry, string>;

  constructor(name = 'annals-mirror') {
    super(name);
    this.version(1).stores({
      items: '&id, date, status',
      collections: '&slug',
      revisions: '&key',
      searchIndex: '&key',
      uiState: '&key',
    });
  }
}

/** Revision-table key of an item. */
export function itemRevisionKey(id: string): string {
  return `item:${id}`;
}

/** Revision-table key of a collection. */
export function collectionRevisionKey(slug: string): string {
  return `collection:${slug}`;
}
