// What collection views read from the mirror.
import type { Collection, Item } from '../../../shared/model';
import { useMirrorQuery } from '../app/use-services';

/** Every collection, by title. */
export function useCollections(): Collection[] {
  return useMirrorQuery(async (store) => (await store.listCollections()).sort((a, b) => a.title.localeCompare(b.title)), []) ?? [];
}

/** One collection, null when absent. */
export function useCollection(slug: string | null): Collection | null | undefined {
  return useMirrorQuery(async (store) => (slug ? ((await store.getCollection(slug)) ?? null) : null), [slug]);
}

/** The mirrored items of the given ids, keyed by id. */
export function useItemsById(ids: readonly string[]): Map<string, Item> {
  const key = ids.join(',');
  return (
    useMirrorQuery(async (store) => {
      const items = await store.getItems([...ids]);
      return new Map(items.map((i) => [i.id, i]));
    }, [key]) ?? new Map()
  );
}

/** The collections holding an item. */
export function useCollectionsOf(id: string | null): Collection[] {
  return (
    useMirrorQuery(async (store) => {
      if (!id) return [];
      return (await store.listCollections()).filter((c) => c.entries.some((e) => e.id === id));
    }, [id]) ?? []
  );
}
