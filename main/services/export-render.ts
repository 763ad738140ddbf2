// Renders an export (DESIGN §7) from a collection or a query without writing anything: browser mode
// hands the files to the renderer to download, Electron writes them where the user chose.
import type { ExportOptionsInput, ExportSourceInput } from '../../shared/api';
import { type ExportFile, type ExportSource, exportMarkdown } from '../../shared/export';
import { type Archive, ArchiveError } from '../archive';
import { MAX_QUERY_EXPORT } from '../export/export-archive';

async function gatherSource(archive: Archive, source: ExportSourceInput): Promise<ExportSource> {
  if ('collection' in source) {
    const collection = archive.getCollection(source.collection);
    if (!collection) throw new ArchiveError('collection-not-found', `no collection "${source.collection}"`);
    const entries = collection.entries.flatMap((entry) => {
      const item = archive.getItem(entry.id);
      return item ? [{ item, note: entry.note }] : [];
    });
    return { title: collection.title, intro: collection.intro, entries };
  }
  const result = await archive.search(source.query, { limit: MAX_QUERY_EXPORT });
  if (result.error) throw new ArchiveError('bad-input', `bad query: ${result.error.message}`);
  const entries = result.hits.flatMap((hit) => {
    const item = archive.getItem(hit.id);
    return item ? [{ item, note: '' }] : [];
  });
  return { title: `Search: ${source.query}`, intro: '', entries, query: source.query };
}

/** The export's files (one for 'single', the folder's files for 'folder'), stamped with `generated`. */
export async function renderExport(
  archive: Archive,
  source: ExportSourceInput,
  options: ExportOptionsInput,
  generated: string,
): Promise<ExportFile[]> {
  return exportMarkdown(await gatherSource(archive, source), { ...options, generated });
}
