// Edits of items go to main, which writes them to disk before answering; the answer is then put in
// the mirror at once and a sync settles revisions. A failing mirror never fails the edit.
import type { ItemPatchInput } from '../api';
import type { Item } from '../../../shared/model';
import { callApiStrict, getServices } from '../app/services';

/** Applies a patch to one item. */
export async function updateItem(id: string, patch: ItemPatchInput): Promise<Item> {
  const item = await callApiStrict('items:update', { id, patch });
  await getServices().mirror.putItems([item]);
  return item;
}

/** Applies one patch to many items (bulk actions). */
export async function updateItems(ids: string[], patch: ItemPatchInput): Promise<Item[]> {
  const items = await callApiStrict('items:update-many', { ids, patch });
  await getServices().mirror.putItems(items);
  return items;
}
