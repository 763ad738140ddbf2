// Edits of items go to main; the answer is put in the mirror at once and a sync settles revisions.
import type { ItemPatchInput } from '../api';
import type { Item } from '../../../shared/model';
import { callApiStrict, getServices } from '../app/services';
import { getDb } from '../db/schema';

async function applyItems(items: Item[]): Promise<void> {
  await getDb().items.bulkPut(items);
  getServices().mirror.requestSync();
}

/** Applies a patch to one item. */
export async function updateItem(id: string, patch: ItemPatchInput): Promise<Item> {
  const item = await callApiStrict('items:update', { id, patch });
  await applyItems([item]);
  return item;
}

/** Applies one patch to many items (bulk actions). */
export async function updateItems(ids: string[], patch: ItemPatchInput): Promise<Item[]> {
  const items = await callApiStrict('items:update-many', { ids, patch });
  await applyItems(items);
  return items;
}
