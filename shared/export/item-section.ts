// The body shared by both formats: what is said about one item under its heading.
import { FACETS, effectiveTags, type DatePrecision, type Facet, type Item } from '../model';
import { cleanBlock, cleanInline, escapeBlock, escapeInline, quoteBlock, renderExternalLink } from './markdown-escape';
import { DEFAULT_EXCERPT_LENGTH, type ExportOptions } from './types';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const FACET_LABELS: Record<Facet, string> = { state: 'States', organ: 'Organs', exercise: 'Exercises', person: 'Persons' };
const UNTITLED = 'Untitled';

/** Human date at the item's precision: "29 May 2017", "May 2017", "2017" or "undated". */
export function formatItemDate(date: string | null, precision: DatePrecision | null): string {
  if (!date) return 'undated';
  const match = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(date);
  const month = match?.[2] ? MONTHS[Number(match[2]) - 1] : undefined;
  if (!match || (match[2] && !month)) return cleanInline(date);
  const level = precision ?? (match[3] ? 'day' : match[2] ? 'month' : 'year');
  if (level === 'year' || !month) return match[1]!;
  if (level === 'month' || !match[3]) return `${month} ${match[1]}`;
  return `${Number(match[3])} ${month} ${match[1]}`;
}

/** The title as shown in Markdown: one line, invisible characters removed, never empty. */
export function displayTitle(title: string): string {
  return cleanInline(title) || UNTITLED;
}

/** The title as inline Markdown; a title derived from the text is set in italics. */
export function renderTitle(item: Pick<Item, 'title' | 'isTitleDerived'>): string {
  const escaped = escapeInline(displayTitle(item.title));
  return item.isTitleDerived ? `*${escaped}*` : escaped;
}

/**
 * The start of the text, at most `maxLength` characters, cut back to the last word boundary when one
 * lies in the second half, with "…" when something was cut.
 */
export function makeExcerpt(text: string, maxLength = DEFAULT_EXCERPT_LENGTH): string {
  const clean = cleanBlock(text);
  const chars = Array.from(clean);
  if (chars.length <= maxLength) return clean;
  const head = chars.slice(0, Math.max(1, maxLength)).join('');
  const boundary = head.search(/\s\S*$/);
  const cut = boundary >= head.length / 2 ? head.slice(0, boundary) : head;
  return `${cut.trimEnd()}…`;
}

function renderSources(item: Item): string {
  const parts = item.sources.map((source) => {
    const file = escapeInline(source.file) || 'unnamed file';
    return source.url ? `${file} (${renderExternalLink(source.url)})` : file;
  });
  return parts.length ? parts.join('; ') : 'unknown';
}

function renderMetadata(item: Item, options: ExportOptions): string {
  const lines = [`- **Date:** ${formatItemDate(item.date, item.datePrecision)}`];
  if (item.isTitleDerived) lines.push('- **Title:** derived from the text (the page had no headline)');
  lines.push(`- **Source:** ${renderSources(item)}`);
  if (options.includeTags) {
    const tags = effectiveTags(item);
    for (const facet of FACETS) {
      const labels = tags[facet].map(escapeInline).filter(Boolean);
      if (labels.length) lines.push(`- **${FACET_LABELS[facet]}:** ${labels.join(', ')}`);
    }
  }
  lines.push(`- **Item id:** ${escapeInline(item.id)}`);
  return lines.join('\n');
}

// The label goes in front of the first escaped line, where a leading mark is no longer at line start.
function renderLabelled(label: string, text: string): string | null {
  const body = escapeBlock(text);
  return body ? `**${label}:** ${body}` : null;
}

function renderHighlights(item: Item): string[] {
  const blocks: string[] = [];
  for (const highlight of item.highlights) {
    const quote = escapeBlock(highlight.quote);
    if (!quote) continue;
    blocks.push(quoteBlock(quote));
    const comment = renderLabelled('Comment', highlight.comment);
    if (comment) blocks.push(comment);
  }
  return blocks.length ? ['**Highlights**', ...blocks] : [];
}

function renderText(item: Item, options: ExportOptions): string[] {
  if (options.text === 'none') return [];
  const isExcerpt = options.text === 'excerpt';
  const body = escapeBlock(isExcerpt ? makeExcerpt(item.text, options.excerptLength) : item.text);
  return body ? [isExcerpt ? '**Excerpt**' : '**Text**', body] : [];
}

/**
 * The Markdown blocks describing one item, in order: metadata list (date, source, tags, id), the
 * collection entry's note and the curator's note, highlights, then the text or its excerpt.
 */
export function renderItemBlocks(item: Item, entryNote: string, options: ExportOptions): string[] {
  const blocks = [renderMetadata(item, options)];
  if (options.includeNotes) {
    for (const [label, note] of [['Collection note', entryNote], ['Curator note', item.note]] as const) {
      const block = renderLabelled(label, note);
      if (block) blocks.push(block);
    }
  }
  if (options.includeHighlights) blocks.push(...renderHighlights(item));
  blocks.push(...renderText(item, options));
  return blocks;
}
