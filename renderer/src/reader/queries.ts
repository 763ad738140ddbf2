// What the reader reads from the mirror.
import type { Item } from '../../../shared/model';
import { useMirrorQuery } from '../app/use-services';

/** The mirrored item, null when absent, undefined while loading. */
export function useItem(id: string | null): Item | null | undefined {
  return useMirrorQuery(async (store) => (id ? ((await store.getItem(id)) ?? null) : null), [id]);
}
