// The taxonomy an archive tags with: the built-in one plus the archive's taxonomy.json (the user's additions).
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { type CompiledTaxonomy, type TaxonomyFile, compileTaxonomy, loadDefaultTaxonomy } from '../../shared/taxonomy';
import { ArchiveError } from './errors';
import { TAXONOMY_FILE } from './paths';

async function readUserTaxonomy(dir: string): Promise<TaxonomyFile | undefined> {
  let text: string;
  try {
    text = await readFile(join(dir, TAXONOMY_FILE), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new ArchiveError('bad-taxonomy', `${TAXONOMY_FILE} cannot be read: ${(error as Error).message}`);
  }
  try {
    return JSON.parse(text) as TaxonomyFile;
  } catch {
    throw new ArchiveError('bad-taxonomy', `${TAXONOMY_FILE} is not valid JSON`);
  }
}

/** Compiles the built-in taxonomy extended by the archive's taxonomy.json when there is one. */
export async function loadArchiveTaxonomy(dir: string): Promise<CompiledTaxonomy> {
  const base = loadDefaultTaxonomy();
  const extra = await readUserTaxonomy(dir);
  if (!extra) return base;
  try {
    return compileTaxonomy(base.file, extra);
  } catch (error) {
    throw new ArchiveError('bad-taxonomy', `${TAXONOMY_FILE}: ${(error as Error).message}`);
  }
}
