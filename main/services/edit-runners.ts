// How handlers change the archive: under the write lock, then announcing what changed (items-changed),
// even when the task fails half-way (a batch edit may have saved some items before an error).
import type { Item } from '../../shared/model';
import type { Archive } from '../archive';
import type { EventHub } from './events';
import type { HandlerContext } from './handler-types';
import { diffItems } from './revisions';
import type { WriteLock } from './write-lock';

type EditRunners = Pick<HandlerContext, 'editItems' | 'editCollection' | 'retag'>;

export function createEditRunners(lock: WriteLock, archive: () => Archive, events: EventHub): EditRunners {
  const announce = (items: string[], collections: string[]) => {
    if (items.length > 0 || collections.length > 0) events.emit('items-changed', { items, collections, reset: false });
  };
  return {
    editItems: (task) =>
      lock.run(async () => {
        const touched = new Set<string>();
        try {
          return await task(archive(), (id) => touched.add(id));
        } finally {
          announce([...touched], []);
        }
      }),
    editCollection: (slug, task) =>
      lock.run(async () => {
        const result = await task(archive());
        announce([], [typeof slug === 'function' ? slug(result) : slug]);
        return result;
      }),
    retag: (task) =>
      lock.run(async () => {
        const current = archive();
        const before = new Map<string, Item>(current.itemIndex.all().map(({ item }) => [item.id, item]));
        try {
          return { retagged: await task(current) };
        } finally {
          announce(diffItems(before, current.itemIndex.all().map(({ item }) => item)), []);
        }
      }),
  };
}
