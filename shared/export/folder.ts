// The folder format: index.md plus one file per item, named so file managers keep the order.
import { effectiveTags, FACETS, type Item } from '../model';
import { slugify, truncateUtf8, utf8Length } from '../slug';
import { displayTitle, formatItemDate, renderItemBlocks, renderTitle } from './item-section';
import { encodeLinkDestination, escapeInline, toHttpUrl } from './markdown-escape';
import { renderFrontMatter } from './front-matter';
import { describeExport, renderDocumentHead } from './single-document';
import type { ExportFile, ExportOptions, ExportSource } from './types';

export const INDEX_FILE = 'index.md';
/** Longest file name in UTF-8 bytes; every file system we target allows 255. */
export const MAX_FILE_NAME_BYTES = 200;
// Short enough that a vault path stays well under Windows' 260-character MAX_PATH.
const TITLE_SLUG_BYTES = 80;

/**
 * File name for the item at `position` (0-based) of `count`: `NNN-<date>-<slug>.md`, the number
 * zero-padded to at least three digits so that name order is collection order.
 */
export function nameItemFile(item: Pick<Item, 'title' | 'date'>, position: number, count: number): string {
  const width = Math.max(3, String(count).length);
  const number = String(position + 1).padStart(width, '0');
  const date = item.date && /^\d{4}(-\d{2}){0,2}$/.test(item.date) ? item.date : 'undated';
  const prefix = `${number}-${date}-`;
  const slug = slugify(displayTitle(item.title), 'item', TITLE_SLUG_BYTES);
  const room = MAX_FILE_NAME_BYTES - utf8Length(prefix) - '.md'.length;
  return `${prefix}${truncateUtf8(slug, room).replace(/-+$/, '') || 'item'}.md`;
}

// Obsidian reads `tags` as a list of tag names without spaces: nested `facet/label-slug`.
function listObsidianTags(item: Item): string[] {
  const tags = effectiveTags(item);
  const names = FACETS.flatMap((facet) => tags[facet].map((label) => `${facet}/${slugify(label, 'tag')}`));
  return [...new Set(names)];
}

function describeItem(item: Item, note: string, position: number, source: ExportSource, options: ExportOptions): Record<string, unknown> {
  return {
    id: item.id,
    title: item.title,
    titleDerived: item.isTitleDerived,
    date: item.date,
    datePrecision: item.datePrecision,
    lang: item.lang,
    status: item.status,
    ...(options.includeTags ? { tags: listObsidianTags(item), facets: effectiveTags(item) } : {}),
    sources: item.sources.map((s) => ({ file: s.file, url: toHttpUrl(s.url), sha256: s.sha256 })),
    collection: source.title,
    position: position + 1,
    note: options.includeNotes && note ? note : undefined,
    curatorNote: options.includeNotes && item.note ? item.note : undefined,
    generated: options.generated,
  };
}

function renderItemFile(source: ExportSource, options: ExportOptions, position: number): string {
  const entry = source.entries[position]!;
  const back = `Item ${position + 1} of ${source.entries.length} in [${escapeInline(displayTitle(source.title))}](${INDEX_FILE})`;
  const blocks = [
    renderFrontMatter(describeItem(entry.item, entry.note, position, source, options)),
    `# ${renderTitle(entry.item)}`,
    back,
    ...renderItemBlocks(entry.item, entry.note, options),
  ];
  return `${blocks.join('\n\n')}\n`;
}

/**
 * Renders a collection or search result as a folder: `index.md` (front matter, `# Title`, intro,
 * an ordered list linking to every file) and one `NNN-<date>-<slug>.md` per entry, in order.
 */
export function exportFolder(source: ExportSource, options: ExportOptions): ExportFile[] {
  const count = source.entries.length;
  const names = source.entries.map(({ item }, position) => nameItemFile(item, position, count));
  const list = source.entries.map(({ item }, position) => {
    const date = escapeInline(formatItemDate(item.date, item.datePrecision));
    return `${position + 1}. [${renderTitle(item)}](${encodeLinkDestination(names[position]!)}) — ${date}`;
  });
  const index = [
    renderFrontMatter({ ...describeExport(source, options, 'folder'), files: names }),
    ...renderDocumentHead(source),
    list.length ? list.join('\n') : 'No items.',
  ];
  return [
    { path: INDEX_FILE, content: `${index.join('\n\n')}\n` },
    ...names.map((path, position) => ({ path, content: renderItemFile(source, options, position) })),
  ];
}
