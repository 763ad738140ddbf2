// Which collections hold which item: the search docs need it for the `in:` filter.
import type { Collection } from '../../../shared/model';

export type CollectionRef = { slug: string; title: string };

/** Maps each item id to the collections whose entries hold it. */
export function buildMembership(collections: readonly Collection[]): Map<string, CollectionRef[]> {
  const byItem = new Map<string, CollectionRef[]>();
  for (const c of collections) {
    for (const entry of c.entries) {
      const refs = byItem.get(entry.id) ?? [];
      if (!refs.some((r) => r.slug === c.slug)) refs.push({ slug: c.slug, title: c.title });
      byItem.set(entry.id, refs);
    }
  }
  return byItem;
}

/** Item ids whose membership may differ between two versions of some collections. */
export function collectAffectedIds(before: readonly Collection[], after: readonly Collection[]): Set<string> {
  const ids = new Set<string>();
  for (const c of [...before, ...after]) for (const entry of c.entries) ids.add(entry.id);
  return ids;
}
