// What the search engine knows of an item: a flat, serialisable record.
import { effectiveTags } from '../model';
import type { Item, ItemStatus, Lang, Tags } from '../model';

export interface SearchDoc {
  id: string;
  title: string;
  text: string;
  /** ISO date prefix (YYYY, YYYY-MM or YYYY-MM-DD) or null. */
  date: string | null;
  lang: Lang;
  /** Effective tags (automatic minus rejected, plus the curator's). */
  tags: Tags;
  note: string;
  /** Highlight quotes and their comments. */
  highlights: string[];
  status: ItemStatus;
  /** Slugs and titles of the collections holding the item. */
  collections: string[];
}

/** Builds the search record of an item; `collections` are the collections that hold it. */
export function toSearchDoc(item: Item, collections: { slug: string; title: string }[]): SearchDoc {
  return {
    id: item.id,
    title: item.title,
    text: item.text,
    date: item.date,
    lang: item.lang,
    tags: effectiveTags(item),
    note: item.note,
    highlights: item.highlights.flatMap((h) => (h.comment.trim() === '' ? [h.quote] : [h.quote, h.comment])),
    status: item.status,
    collections: collections.flatMap((c) => [c.slug, c.title]),
  };
}
