// A parsed item becomes an archive item: id from its content, a derived title when it has none.
import { type Item, type ItemSource, type ParsedItem, emptyTags } from '../../shared/model';
import { deriveTitle } from './derive-title';
import { contentId } from './item-index';

/** Builds the archive item for one parsed item found in one source. */
export function buildItem(parsed: ParsedItem, source: ItemSource, now: string): Item {
  const hasTitle = parsed.title !== null && parsed.title.trim() !== '';
  return {
    id: contentId(parsed.text, parsed.title),
    title: hasTitle ? (parsed.title as string) : deriveTitle(parsed.text),
    isTitleDerived: !hasTitle,
    date: parsed.date,
    datePrecision: parsed.date === null ? null : parsed.datePrecision,
    lang: parsed.lang,
    text: parsed.text,
    sources: [source],
    autoTags: parsed.tags,
    curator: { added: emptyTags(), rejected: emptyTags() },
    note: '',
    highlights: [],
    status: 'unread',
    imported: now,
    updated: now,
  };
}
