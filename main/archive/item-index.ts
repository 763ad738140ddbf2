// The archive's items in memory, with the two lookups duplicate detection needs.
import { createHash } from 'node:crypto';
import type { Item } from '../../shared/model';
import { normalizeForDedupe, openingKey } from '../../shared/ingest/dedupe';

/** Content-derived id: the first 16 hex of sha256 of the normalised text (the title when there is no text). */
export function contentId(text: string, title: string | null): string {
  const normal = normalizeForDedupe(text) || `title:${normalizeForDedupe(title ?? '')}`;
  return createHash('sha256').update(normal, 'utf8').digest('hex').slice(0, 16);
}

export interface IndexedItem {
  item: Item;
  /** Path of the item's file relative to the archive, with "/"; null until written. */
  file: string | null;
}

/** Items by id, by content and by opening. An id stays stable when a merge changes an item's text. */
export class ItemIndex {
  private readonly byId = new Map<string, IndexedItem>();
  private readonly byContent = new Map<string, string>();
  private readonly byOpening = new Map<string, Set<string>>();
  private readonly keysOf = new Map<string, { content: string; opening: string | null }>();

  get size(): number {
    return this.byId.size;
  }

  get(id: string): IndexedItem | undefined {
    return this.byId.get(id);
  }

  all(): IndexedItem[] {
    return [...this.byId.values()];
  }

  findByContent(text: string, title: string | null): IndexedItem | undefined {
    const id = this.byContent.get(contentId(text, title));
    return id === undefined ? undefined : this.byId.get(id);
  }

  /** Items whose text shares its opening with `text`: candidates for a teaser/article merge. */
  findByOpening(text: string): IndexedItem[] {
    const key = openingKey(text);
    if (key === null) return [];
    return [...(this.byOpening.get(key) ?? [])].flatMap((id) => this.byId.get(id) ?? []);
  }

  put(item: Item, file: string | null): void {
    this.remove(item.id);
    const keys = { content: contentId(item.text, item.title), opening: openingKey(item.text) };
    this.byId.set(item.id, { item, file });
    this.keysOf.set(item.id, keys);
    if (!this.byContent.has(keys.content)) this.byContent.set(keys.content, item.id);
    if (keys.opening !== null) {
      const set = this.byOpening.get(keys.opening) ?? new Set<string>();
      set.add(item.id);
      this.byOpening.set(keys.opening, set);
    }
  }

  remove(id: string): void {
    const keys = this.keysOf.get(id);
    if (!keys) return;
    if (this.byContent.get(keys.content) === id) this.byContent.delete(keys.content);
    if (keys.opening !== null) this.byOpening.get(keys.opening)?.delete(id);
    this.keysOf.delete(id);
    this.byId.delete(id);
  }
}
