// Collection edits go to main (which writes them to disk); the answered collection is mirrored at
// once, then synced. A failing mirror never fails the edit.
import type { Collection } from '../../../shared/model';
import { callApiStrict, getServices } from '../app/services';

async function mirrorCollection(collection: Collection): Promise<Collection> {
  await getServices().mirror.putCollection(collection);
  return collection;
}

/** Creates a collection. */
export async function createCollection(title: string, intro?: string): Promise<Collection> {
  return mirrorCollection(await callApiStrict('collections:create', intro === undefined ? { title } : { title, intro }));
}

/** Renames a collection (its slug stays). */
export async function renameCollection(slug: string, title: string): Promise<Collection> {
  return mirrorCollection(await callApiStrict('collections:rename', { slug, title }));
}

/** Deletes a collection; its items stay in the archive. */
export async function deleteCollection(slug: string): Promise<void> {
  await callApiStrict('collections:delete', { slug });
  await getServices().mirror.deleteCollection(slug);
}

/** Adds items at the end of a collection. */
export async function addToCollection(slug: string, ids: string[]): Promise<Collection> {
  return mirrorCollection(await callApiStrict('collections:add-items', { slug, ids }));
}

/** Removes items from a collection. */
export async function removeFromCollection(slug: string, ids: string[]): Promise<Collection> {
  return mirrorCollection(await callApiStrict('collections:remove-items', { slug, ids }));
}

/** Stores a new order of a collection's entries. */
export async function reorderCollection(slug: string, ids: string[]): Promise<Collection> {
  return mirrorCollection(await callApiStrict('collections:reorder', { slug, ids }));
}

/** Sets the curator's note on one entry. */
export async function setEntryNote(slug: string, id: string, note: string): Promise<Collection> {
  return mirrorCollection(await callApiStrict('collections:set-entry-note', { slug, id, note }));
}

/** Sets the collection's intro. */
export async function setIntro(slug: string, intro: string): Promise<Collection> {
  return mirrorCollection(await callApiStrict('collections:set-intro', { slug, intro }));
}
