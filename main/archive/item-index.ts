// The archive's items in memory, with the two lookups duplicate detection needs. Those lookups are
// keyed by the items' normalised texts, which cost ~0.1 ms an item to compute: at 100,000 items,
// ten seconds an open would spend on keys only an import asks for. So keys are computed lazily —
// in slices before an import (keyAllInSlices), given by the caller when it already has them (the
// ingest worker computes an imported item's), or kept when an item changes without changing its
// text (a new source, a tag, a note).
import { createHash } from 'node:crypto';
import type { Item } from '../../shared/model';
import { MIN_OPENING_LENGTH, normalizeForDedupe } from '../../shared/ingest/dedupe';

/** The keys an item is found by when a page repeats it (content) or extends or cuts it (opening). */
export interface DedupeKeys {
  content: string;
  opening: string | null;
}

function hashNormal(normal: string): string {
  return createHash('sha256').update(normal, 'utf8').digest('hex').slice(0, 16);
}

/** Content-derived id: the first 16 hex of sha256 of the normalised text (the title when there is no text). */
export function contentId(text: string, title: string | null): string {
  return hashNormal(normalizeForDedupe(text) || `title:${normalizeForDedupe(title ?? '')}`);
}

/** Both dedupe keys of a text, normalising it once (openingKey and contentId would each do it). */
export function computeDedupeKeys(text: string, title: string | null): DedupeKeys {
  const normal = normalizeForDedupe(text);
  return {
    content: hashNormal(normal || `title:${normalizeForDedupe(title ?? '')}`),
    opening: normal.length >= MIN_OPENING_LENGTH ? normal.slice(0, MIN_OPENING_LENGTH) : null,
  };
}

export interface IndexedItem {
  item: Item;
  /** Path of the item's file relative to the archive, with "/"; null until written. */
  file: string | null;
}

/** Longest stretch of key computing without giving the event loop a turn. */
const SLICE_MS = 8;

/** Items by id, by content and by opening. An id stays stable when a merge changes an item's text. */
export class ItemIndex {
  private readonly byId = new Map<string, IndexedItem>();
  private readonly byContent = new Map<string, string>();
  private readonly byOpening = new Map<string, Set<string>>();
  private readonly keysOf = new Map<string, DedupeKeys>();
  /** Items whose keys are not computed yet (they are not in byContent/byOpening). */
  private readonly unkeyed = new Set<string>();
  private keying: Promise<void> | null = null;

  get size(): number {
    return this.byId.size;
  }

  /** Items whose dedupe keys are still to be computed. */
  get unkeyedCount(): number {
    return this.unkeyed.size;
  }

  get(id: string): IndexedItem | undefined {
    return this.byId.get(id);
  }

  all(): IndexedItem[] {
    return [...this.byId.values()];
  }

  /** The item holding a text with these keys' content, if any. */
  findByContent(keys: DedupeKeys): IndexedItem | undefined {
    this.keyAll();
    const id = this.byContent.get(keys.content);
    return id === undefined ? undefined : this.byId.get(id);
  }

  /** Items whose text shares its opening with the keys' text: candidates for a teaser/article merge. */
  findByOpening(keys: DedupeKeys): IndexedItem[] {
    if (keys.opening === null) return [];
    this.keyAll();
    return [...(this.byOpening.get(keys.opening) ?? [])].flatMap((id) => this.byId.get(id) ?? []);
  }

  /**
   * Adds or replaces an item. `keys` must be computeDedupeKeys(item.text, item.title) when given;
   * without them the item keeps its keys if its text and title did not change, else is keyed later.
   */
  put(item: Item, file: string | null, keys?: DedupeKeys): void {
    const before = this.byId.get(item.id);
    const kept = before && before.item.text === item.text && before.item.title === item.title ? this.keysOf.get(item.id) : undefined;
    this.remove(item.id);
    this.byId.set(item.id, { item, file });
    const known = keys ?? kept;
    if (known) this.addKeys(item.id, known);
    else this.unkeyed.add(item.id);
  }

  remove(id: string): void {
    this.unkeyed.delete(id);
    const keys = this.keysOf.get(id);
    if (keys) {
      if (this.byContent.get(keys.content) === id) this.byContent.delete(keys.content);
      if (keys.opening !== null) this.byOpening.get(keys.opening)?.delete(id);
      this.keysOf.delete(id);
    }
    this.byId.delete(id);
  }

  /**
   * Computes every missing key, yielding to the event loop every few milliseconds so a large archive
   * does not stall the app; concurrent calls share one run. Items put meanwhile are keyed too.
   */
  keyAllInSlices(): Promise<void> {
    if (this.unkeyed.size === 0) return Promise.resolve();
    this.keying ??= this.runKeying().finally(() => (this.keying = null));
    return this.keying;
  }

  private async runKeying(): Promise<void> {
    while (this.unkeyed.size > 0) {
      const sliceEnd = performance.now() + SLICE_MS;
      for (const id of this.unkeyed) {
        this.keyOne(id);
        if (performance.now() > sliceEnd) break;
      }
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
  }

  // The lookups stay right whoever forgot keyAllInSlices: what is missing is computed here, at once.
  private keyAll(): void {
    for (const id of this.unkeyed) this.keyOne(id);
  }

  private keyOne(id: string): void {
    this.unkeyed.delete(id);
    const entry = this.byId.get(id);
    if (entry) this.addKeys(id, computeDedupeKeys(entry.item.text, entry.item.title));
  }

  private addKeys(id: string, keys: DedupeKeys): void {
    this.keysOf.set(id, keys);
    if (!this.byContent.has(keys.content)) this.byContent.set(keys.content, id);
    if (keys.opening !== null) {
      const set = this.byOpening.get(keys.opening) ?? new Set<string>();
      set.add(id);
      this.byOpening.set(keys.opening, set);
    }
  }
}
