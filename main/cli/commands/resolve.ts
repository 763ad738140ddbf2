// Looking up what the user named on the command line.
import type { Archive } from '../../archive';
import type { Collection } from '../../../shared/model';
import { UsageError } from '../context';

/** An item id, or a unique prefix of at least 8 characters (as in the item's file name). */
export function resolveItemId(archive: Archive, raw: string): string {
  const wanted = raw.trim().toLowerCase();
  if (archive.getItem(wanted)) return wanted;
  const matches = wanted.length >= 8 ? archive.listItems().filter((item) => item.id.startsWith(wanted)) : [];
  if (matches.length === 1) return (matches[0] as { id: string }).id;
  throw new UsageError(matches.length > 1 ? `"${raw}" matches several items; give more of the id` : `no item with id "${raw}"`);
}

/** A collection by slug or title. */
export function resolveCollection(archive: Archive, name: string): Collection {
  const collection = archive.findCollection(name);
  if (!collection) throw new UsageError(`no collection named "${name}" (see "annals collection list")`);
  return collection;
}
