// Builds the export source from the archive (a collection or a search result) and writes it.
import { type ExportOptions, exportMarkdown } from '../../shared/export';
import type { Archive } from '../archive';
import { ArchiveError } from '../archive/errors';
import { writeExport } from './write-export';

/** Most results a query export takes: an export is a reading list, not a dump. */
export const MAX_QUERY_EXPORT = 1000;

/** Exports a collection (by slug or title) to `out`; returns the paths written. */
export async function exportCollection(archive: Archive, name: string, out: string, options: ExportOptions): Promise<string[]> {
  const collection = archive.findCollection(name);
  if (!collection) throw new ArchiveError('collection-not-found', `no collection named "${name}"`);
  const entries = collection.entries.flatMap((entry) => {
    const item = archive.getItem(entry.id);
    return item ? [{ item, note: entry.note }] : [];
  });
  const files = exportMarkdown({ title: collection.title, intro: collection.intro, entries }, options);
  return writeExport(files, out, options.format);
}

/** Exports the results of a query (in rank order) to `out`; returns the paths written. */
export async function exportQuery(archive: Archive, query: string, out: string, options: ExportOptions): Promise<string[]> {
  const result = await archive.search(query, { limit: MAX_QUERY_EXPORT });
  if (result.error) throw new ArchiveError('bad-input', `bad query: ${result.error.message}`);
  const entries = result.hits.flatMap((hit) => {
    const item = archive.getItem(hit.id);
    return item ? [{ item, note: '' }] : [];
  });
  const files = exportMarkdown({ title: `Search: ${query}`, intro: '', entries, query }, options);
  return writeExport(files, out, options.format);
}
