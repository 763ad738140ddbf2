// Revisions let the renderer's mirror fetch only what changed. Items and collections are immutable
// objects replaced on every change, so a revision is computed once per object and cached by identity.
import { createHash } from 'node:crypto';
import type { Revision } from '../../shared/api';
import type { Collection, Item } from '../../shared/model';

const cache = new WeakMap<object, string>();

/** A short content hash of a value: equal content, equal revision, whatever the process. */
export function revisionOf(value: Item | Collection): string {
  let rev = cache.get(value);
  if (rev === undefined) {
    rev = createHash('sha256').update(JSON.stringify(value)).digest('hex').slice(0, 20);
    cache.set(value, rev);
  }
  return rev;
}

/** Revisions of every item (key = id) and collection (key = slug). */
export function listRevisions(items: Item[], collections: Collection[]): { items: Revision[]; collections: Revision[] } {
  return {
    items: items.map((item) => ({ key: item.id, rev: revisionOf(item) })),
    collections: collections.map((collection) => ({ key: collection.slug, rev: revisionOf(collection) })),
  };
}

/** Ids of items that are new, changed (a different object) or gone since `before` was taken. */
export function diffItems(before: ReadonlyMap<string, Item>, after: Iterable<Item>): string[] {
  const changed: string[] = [];
  const seen = new Set<string>();
  for (const item of after) {
    seen.add(item.id);
    if (before.get(item.id) !== item) changed.push(item.id);
  }
  for (const id of before.keys()) if (!seen.has(id)) changed.push(id);
  return changed;
}
