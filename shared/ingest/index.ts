// The shared ingest pipeline: clean → segment → date → tag. Pure: text in, items out.
import type { Lang, ParsedItem } from '../model';
import type { CompiledTaxonomy } from '../taxonomy';
import { cleanText } from './clean';
import { dateSegments } from './date-items';
import { detectLang } from './lang';
import { segmentPage } from './segment';
import { tagItem } from './tag';

export interface ParsePageOptions {
  taxonomy: CompiledTaxonomy;
  url?: string | null;
}

export interface ParsedPage {
  lang: Lang;
  url: string | null;
  items: ParsedItem[];
}

/** An item before tagging: what the page says, without the taxonomy's reading of it. */
export type UntaggedItem = Omit<ParsedItem, 'tags'>;

/** Cleans, segments and dates a page; every item gets the page's language. Never throws. */
export function extractItems(text: string): { lang: Lang; items: UntaggedItem[] } {
  const cleaned = cleanText(text);
  const lang = detectLang(cleaned);
  const segments = segmentPage(cleaned);
  const dates = dateSegments(segments);
  const items = segments.map((segment, i) => ({
    title: segment.title,
    text: segment.paragraphs.join('\n\n'),
    date: dates[i]!.date,
    datePrecision: dates[i]!.precision,
    lang,
  }));
  return { lang, items };
}

/** Parses a page's text into dated, tagged items in page order. */
export function parsePage(text: string, options: ParsePageOptions): ParsedPage {
  const { lang, items } = extractItems(text);
  return {
    lang,
    url: options.url ?? null,
    items: items.map((item) => ({
      ...item,
      tags: tagItem(item.title, item.text, options.taxonomy),
    })),
  };
}
