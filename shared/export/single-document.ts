// The single-document format: front matter, title, intro, contents, one `##` section per item.
import { createAnchorSlugger } from './heading-anchor';
import { displayTitle, formatItemDate, renderItemBlocks, renderTitle } from './item-section';
import { encodeLinkDestination, escapeBlock, escapeInline } from './markdown-escape';
import { renderFrontMatter } from './front-matter';
import { EXPORT_FORMAT, EXPORT_FORMAT_VERSION, type ExportOptions, type ExportSource } from './types';

/** Front matter shared by the single document and the folder's index. */
export function describeExport(source: ExportSource, options: ExportOptions, layout: 'single' | 'folder'): Record<string, unknown> {
  return {
    title: source.title,
    query: source.query,
    generated: options.generated,
    count: source.entries.length,
    format: EXPORT_FORMAT,
    formatVersion: EXPORT_FORMAT_VERSION,
    layout,
    items: source.entries.map((entry) => entry.item.id),
  };
}

/** `# Title` followed by the escaped intro, when there is one. */
export function renderDocumentHead(source: ExportSource): string[] {
  const intro = escapeBlock(source.intro);
  return [`# ${escapeInline(displayTitle(source.title))}`, ...(intro ? [intro] : [])];
}

/**
 * Renders a collection or search result as one CommonMark document: YAML front matter, `# Title`,
 * intro, a contents list linking to GitHub-style anchors, then one `## N. Title` section per entry
 * in the given order.
 */
export function exportSingleDocument(source: ExportSource, options: ExportOptions): string {
  const slugger = createAnchorSlugger();
  slugger.slug(displayTitle(source.title)); // the h1 takes part in de-duplication, as on GitHub
  const contents: string[] = [];
  const sections: string[] = [];
  source.entries.forEach(({ item, note }, index) => {
    const number = `${index + 1}. `;
    const anchor = slugger.slug(number + displayTitle(item.title));
    const date = formatItemDate(item.date, item.datePrecision);
    contents.push(`- [${number}${renderTitle(item)}](#${encodeLinkDestination(anchor)}) — ${escapeInline(date)}`);
    sections.push([`## ${number}${renderTitle(item)}`, ...renderItemBlocks(item, note, options)].join('\n\n'));
  });
  const blocks = [
    renderFrontMatter(describeExport(source, options, 'single')),
    ...renderDocumentHead(source),
    '**Contents**',
    contents.length ? contents.join('\n') : 'No items.',
    ...sections,
  ];
  return `${blocks.join('\n\n')}\n`;
}
