// A parsed item becomes an archive item: id from its content, a derived title when it has none.
import { type Item, type ItemSource, type ParsedItem, emptyTags } from '../../shared/model';
import { deriveTitle } from './derive-title';
import { contentId } from './item-index';

/**
 * Builds the archive item for one parsed item found in one source; `id` is contentId(parsed.text,
 * parsed.title), passed when the caller has computed it already.
 */
export function buildItem(parsed: ParsedItem, source: ItemSource, now: string, id = contentId(parsed.text, parsed.title)): Item {
  const hasTitle = parsed.title !== null && parsed.title.trim() !== '';
  return {
    id,
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
