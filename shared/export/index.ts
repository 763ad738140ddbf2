// Markdown export of a collection or a search result (DESIGN §7; formats in docs/export.md).
import { slugify } from '../slug';
import { exportFolder } from './folder';
import { exportSingleDocument } from './single-document';
import type { ExportFile, ExportOptions, ExportSource } from './types';

export * from './types';
export { exportSingleDocument } from './single-document';
export { exportFolder, nameItemFile, INDEX_FILE } from './folder';
export { slugifyHeading, createAnchorSlugger } from './heading-anchor';
export { escapeInline, escapeBlock } from './markdown-escape';

/** Exports in the requested format: the folder's files, or one `<slug-of-title>.md` file. */
export function exportMarkdown(source: ExportSource, options: ExportOptions): ExportFile[] {
  if (options.format === 'folder') return exportFolder(source, options);
  return [{ path: `${slugify(source.title, 'export')}.md`, content: exportSingleDocument(source, options) }];
}
