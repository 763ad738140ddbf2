// What the reader reads from the mirror.
import type { Item } from '../../../shared/model';
import { getDb } from '../db/schema';
import { useLive } from '../db/use-live';

/** The mirrored item, null when absent, undefined while loading. */
export function useItem(id: string | null): Item | null | undefined {
  return useLive(async () => (id ? ((await getDb().items.get(id)) ?? null) : null), [id]);
}
