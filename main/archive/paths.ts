// Where things live in an archive folder. Paths inside the archive are kept relative with "/".
import type { Item } from '../../shared/model';
import { slugify } from '../../shared/slug';

export const MANIFEST_FILE = 'annals.json';
export const ITEMS_DIR = 'items';
export const COLLECTIONS_DIR = 'collections';
export const SOURCES_DIR = 'sources';
export const TAXONOMY_FILE = 'taxonomy.json';
export const CACHE_DIR = '.annals';
export const UNDATED_DIR = 'undated';

/** Bytes of title kept in an item's file name: the date, the id and ".md" still fit in 255. */
const ITEM_SLUG_BYTES = 80;

/** items/<YYYY>/<date>-<slug>-<id8>.md, or items/undated/<slug>-<id8>.md. */
export function itemRelPath(item: Pick<Item, 'id' | 'date' | 'title'>, idLength = 8): string {
  const stem = `${slugify(item.title, 'item', ITEM_SLUG_BYTES)}-${item.id.slice(0, idLength)}.md`;
  if (!item.date) return `${ITEMS_DIR}/${UNDATED_DIR}/${stem}`;
  return `${ITEMS_DIR}/${item.date.slice(0, 4)}/${item.date}-${stem}`;
}

export function collectionRelPath(slug: string): string {
  return `${COLLECTIONS_DIR}/${slug}.md`;
}

export function sourceRelPath(sha256: string, ext: string): string {
  return `${SOURCES_DIR}/${sha256}.${ext}`;
}

/** The extension a source is stored under: the imported file's, lower-cased, or "bin". */
export function sourceExtension(fileName: string): string {
  const match = /\.([A-Za-z0-9]{1,8})$/.exec(fileName);
  return match?.[1]?.toLowerCase() ?? 'bin';
}
