// Pure operations on collections; the archive writes their results.
import type { Collection } from '../../shared/model';
import { slugify } from '../../shared/slug';
import { ArchiveError } from './errors';

/** A slug for `title` not yet taken (compared case-insensitively: macOS and Windows fold case). */
export function uniqueSlug(title: string, taken: Iterable<string>): string {
  const used = new Set([...taken].map((slug) => slug.toLowerCase()));
  const base = slugify(title, 'collection', 100);
  if (!used.has(base)) return base;
  for (let n = 2; ; n++) if (!used.has(`${base}-${n}`)) return `${base}-${n}`;
}

/** Adds ids not yet in the collection, at `position` (default: the end), keeping their order. */
export function addEntries(collection: Collection, ids: string[], position?: number): Collection {
  const present = new Set(collection.entries.map((entry) => entry.id));
  const fresh = [...new Set(ids)].filter((id) => !present.has(id)).map((id) => ({ id, note: '' }));
  if (fresh.length === 0) return collection;
  const at = Math.max(0, Math.min(position ?? collection.entries.length, collection.entries.length));
  const entries = [...collection.entries.slice(0, at), ...fresh, ...collection.entries.slice(at)];
  return { ...collection, entries };
}

export function removeEntries(collection: Collection, ids: string[]): Collection {
  const gone = new Set(ids);
  const entries = collection.entries.filter((entry) => !gone.has(entry.id));
  return entries.length === collection.entries.length ? collection : { ...collection, entries };
}

/** Puts the entries in the order of `ids`, which must name every entry exactly once. */
export function reorderEntries(collection: Collection, ids: string[]): Collection {
  const current = collection.entries.map((entry) => entry.id);
  const isPermutation = ids.length === current.length && new Set(ids).size === ids.length && ids.every((id) => current.includes(id));
  if (!isPermutation) throw new ArchiveError('bad-input', 'a new order must list every entry of the collection exactly once');
  const byId = new Map(collection.entries.map((entry) => [entry.id, entry]));
  return { ...collection, entries: ids.map((id) => byId.get(id) as Collection['entries'][number]) };
}

export function setEntryNote(collection: Collection, id: string, note: string): Collection {
  if (!collection.entries.some((entry) => entry.id === id)) {
    throw new ArchiveError('item-not-found', `item ${id} is not in collection "${collection.title}"`);
  }
  return { ...collection, entries: collection.entries.map((entry) => (entry.id === id ? { ...entry, note } : entry)) };
}
