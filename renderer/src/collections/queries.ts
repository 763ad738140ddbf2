// What collection views read from the mirror.
import type { Collection, Item } from '../../../shared/model';
import { getDb } from '../db/schema';
import { useLive } from '../db/use-live';

/** Every collection, by title. */
export function useCollections(): Collection[] {
  return (
    useLive(async () => (await getDb().collections.toArray()).sort((a, b) => a.title.localeCompare(b.title)), []) ?? []
  );
}

/** One collection, null when absent. */
export function useCollection(slug: string | null): Collection | null | undefined {
  return useLive(async () => (slug ? ((await getDb().collections.get(slug)) ?? null) : null), [slug]);
}

/** The mirrored items of the given ids, keyed by id. */
export function useItemsById(ids: readonly string[]): Map<string, Item> {
  const key = ids.join(',');
  return (
    useLive(async () => {
      const items = await getDb().items.bulkGet([...ids]);
      return new Map(items.filter((i): i is Item => i !== undefined).map((i) => [i.id, i]));
    }, [key]) ?? new Map()
  );
}

/** Slugs of the collections holding an item. */
export function useCollectionsOf(id: string | null): Collection[] {
  return (
    useLive(async () => {
      if (!id) return [];
      return (await getDb().collections.toArray()).filter((c) => c.entries.some((e) => e.id === id));
    }, [id]) ?? []
  );
}
