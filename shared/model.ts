// The domain model shared by main, the renderer and the CLI. Pure types and tiny helpers only.

/** The four tag facets, in display order. */
export const FACETS = ['state', 'organ', 'exercise', 'person'] as const;
export type Facet = (typeof FACETS)[number];

/** Labels per facet, each label at most once, in order of first mention. */
export type Tags = Record<Facet, string[]>;

export type DatePrecision = 'day' | 'month' | 'year';
export type Lang = 'en' | 'ru';
export type ItemStatus = 'unread' | 'reviewed' | 'starred';
export const ITEM_STATUSES: readonly ItemStatus[] = ['unread', 'reviewed', 'starred'];

/** What ingest produces for one news entry of a page, before it enters the archive. */
export interface ParsedItem {
  /** The headline exactly as on the page, or null when the item has none. */
  title: string | null;
  /** Clean body text (headline excluded), paragraphs separated by a blank line. */
  text: string;
  /** ISO date: YYYY-MM-DD for day precision, YYYY-MM for month, YYYY for year; null when unknown. */
  date: string | null;
  datePrecision: DatePrecision | null;
  lang: Lang;
  tags: Tags;
}

/** Where an item came from: the stored source file and, when known, the page's address. */
export interface ItemSource {
  /** sha256 of the imported file's bytes; the file is kept as sources/<sha256>.<ext>. */
  sha256: string;
  /** File name as imported (base name only, for display). */
  file: string;
  ext: string;
  url: string | null;
  /** Index of the item within the page it was found in. */
  index: number;
}

export interface Highlight {
  /** The highlighted text, exactly as it stands in the item's text. */
  quote: string;
  /** Character offset of the quote in the item's text. */
  start: number;
  comment: string;
}

/** The curator's decisions, kept apart from automatic tags so re-tagging never undoes them. */
export interface CuratorTags {
  added: Tags;
  rejected: Tags;
}

/** One press release in the archive: what an item file holds. */
export interface Item {
  id: string;
  title: string;
  /** True when the page had no headline and the title was derived from the text. */
  isTitleDerived: boolean;
  date: string | null;
  datePrecision: DatePrecision | null;
  lang: Lang;
  text: string;
  sources: ItemSource[];
  /** Tags found automatically by the taxonomy. */
  autoTags: Tags;
  curator: CuratorTags;
  note: string;
  highlights: Highlight[];
  status: ItemStatus;
  /** ISO timestamps. */
  imported: string;
  updated: string;
}

export interface CollectionEntry {
  id: string;
  note: string;
}

export interface Collection {
  /** Stable slug, also the file name (collections/<slug>.md). */
  slug: string;
  title: string;
  intro: string;
  entries: CollectionEntry[];
  created: string;
  updated: string;
}

/** Returns an empty tag set. */
export function emptyTags(): Tags {
  return { state: [], organ: [], exercise: [], person: [] };
}

/** The tags a user sees: automatic ones not rejected, then the curator's additions. */
export function effectiveTags(item: Pick<Item, 'autoTags' | 'curator'>): Tags {
  const tags = emptyTags();
  for (const facet of FACETS) {
    const rejected = new Set(item.curator.rejected[facet]);
    const seen = new Set<string>();
    for (const label of [...item.autoTags[facet], ...item.curator.added[facet]]) {
      if (rejected.has(label) || seen.has(label)) continue;
      seen.add(label);
      tags[facet].push(label);
    }
  }
  return tags;
}
