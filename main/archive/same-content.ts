// Whether a file found on disk means the same as what Annals holds, whatever its formatting: a file
// reformatted by hand (or by a YAML-aware editor) is not another program's version of it.
import type { Collection, Item } from '../../shared/model';
import { parseCollection } from './collection-file';
import { parseItem } from './item-file';

/** Whether bytes found on disk hold this item (a file reformatted by hand is not another version). */
export function isSameItem(bytes: Buffer, file: string, item: Item): boolean {
  try {
    return sameJson(parseItem(bytes.toString('utf8'), file), item);
  } catch {
    return false;
  }
}

/** Whether bytes found on disk hold this collection. */
export function isSameCollection(bytes: Buffer, file: string, collection: Collection): boolean {
  try {
    return sameJson(parseCollection(bytes.toString('utf8'), file, collection.slug), collection);
  } catch {
    return false;
  }
}

function sameJson(a: object, b: object): boolean {
  const canonical = (value: unknown): unknown =>
    Array.isArray(value)
      ? value.map(canonical)
      : value !== null && typeof value === 'object'
        ? Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined).sort(([x], [y]) => x.localeCompare(y)).map(([k, v]) => [k, canonical(v)]))
        : value;
  return JSON.stringify(canonical(a)) === JSON.stringify(canonical(b));
}
