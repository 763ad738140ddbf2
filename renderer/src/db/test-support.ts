// Builders and a fake main for the mirror's tests.
import type { ApiArgs, ApiChannel, ApiResultOf } from '../../../shared/api-contract';
import { emptyTags } from '../../../shared/model';
import type { Collection, Item } from '../../../shared/model';
import type { CallApi } from './sync';

/** An item with the given id (hex), title and text; everything else neutral. */
export function makeItem(id: string, title: string, text: string, date: string | null = '2024-05-01'): Item {
  return {
    id,
    title,
    isTitleDerived: false,
    date,
    datePrecision: date ? 'day' : null,
    lang: 'en',
    text,
    sources: [],
    autoTags: emptyTags(),
    curator: { added: emptyTags(), rejected: emptyTags() },
    note: '',
    highlights: [],
    status: 'unread',
    imported: '2024-05-02T00:00:00Z',
    updated: '2024-05-02T00:00:00Z',
  };
}

/** A collection holding the given item ids. */
export function makeCollection(slug: string, title: string, ids: string[]): Collection {
  return { slug, title, intro: '', entries: ids.map((id) => ({ id, note: '' })), created: '', updated: '' };
}

/** A fake main: holds items and collections with revisions and records every call. */
export class FakeMain {
  items = new Map<string, { item: Item; rev: string }>();
  collections = new Map<string, { collection: Collection; rev: string }>();
  calls: { channel: string; args: unknown }[] = [];
  private counter = 0;

  putItem(item: Item): void {
    this.items.set(item.id, { item, rev: `r${++this.counter}` });
  }
  putCollection(collection: Collection): void {
    this.collections.set(collection.slug, { collection, rev: `r${++this.counter}` });
  }
  requestedItemIds(): string[] {
    return this.calls.filter((c) => c.channel === 'items:get').flatMap((c) => (c.args as { ids: string[] }).ids);
  }

  call: CallApi = async <C extends ApiChannel>(channel: C, args: ApiArgs<C>): Promise<ApiResultOf<C>> => {
    this.calls.push({ channel, args });
    const answer = (): unknown => {
      if (channel === 'archive:revisions') {
        return {
          items: [...this.items].map(([key, v]) => ({ key, rev: v.rev })),
          collections: [...this.collections].map(([key, v]) => ({ key, rev: v.rev })),
        };
      }
      if (channel === 'items:get') {
        return (args as { ids: string[] }).ids.flatMap((id) => {
          const found = this.items.get(id);
          return found ? [structuredClone(found.item)] : [];
        });
      }
      if (channel === 'collections:get') {
        return (args as { slugs: string[] }).slugs.flatMap((s) => {
          const found = this.collections.get(s);
          return found ? [structuredClone(found.collection)] : [];
        });
      }
      throw new Error(`unexpected call ${channel}`);
    };
    return answer() as ApiResultOf<C>;
  };
}
