// The curator's additions to the taxonomy, kept in the archive's taxonomy.json (docs/taxonomy.md).
// An addition is validated by compiling it with the built-in taxonomy before anything is written, and
// the archive is re-tagged with the result (the curator's own tag decisions survive re-tagging).
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { TaxonomyView } from '../../shared/api';
import { FACETS, type Facet } from '../../shared/model';
import { type TaxonomyFile, compileTaxonomy, listLabels, loadDefaultTaxonomy } from '../../shared/taxonomy';
import { type Archive, ArchiveError } from '../archive';
import { ServiceError } from './errors';

const TAXONOMY_FILE = 'taxonomy.json';

async function readAdditions(dir: string): Promise<TaxonomyFile> {
  let text: string;
  try {
    text = await readFile(join(dir, TAXONOMY_FILE), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { format: 'annals-taxonomy', version: 1 };
    throw error;
  }
  try {
    return JSON.parse(text) as TaxonomyFile;
  } catch {
    throw new ArchiveError('bad-taxonomy', `${TAXONOMY_FILE} is not valid JSON; fix or remove it first`);
  }
}

/** Labels per facet (built-in plus additions) and the additions themselves. */
export async function describeTaxonomy(archive: Archive): Promise<TaxonomyView> {
  const taxonomy = await archive.taxonomy();
  const extra = await readAdditions(archive.dir);
  const labels = Object.fromEntries(FACETS.map((facet) => [facet, listLabels(taxonomy, facet)])) as TaxonomyView['labels'];
  const additions = FACETS.flatMap((facet) =>
    (extra[facet] ?? []).map((entry) => ({ facet, label: entry.label, aliases: [...entry.aliases] })),
  );
  return { labels, additions };
}

/**
 * Adds aliases to a label of a facet (a new label when `isNewLabelAllowed`), writes taxonomy.json and
 * re-tags the archive. Answers how many items changed.
 */
export async function addTaxonomyAliases(
  archive: Archive,
  request: { facet: Facet; label: string; aliases: string[]; isNewLabelAllowed: boolean },
): Promise<number> {
  const { facet, label } = request;
  const current = await archive.taxonomy();
  if (!request.isNewLabelAllowed && !listLabels(current, facet).includes(label)) {
    throw new ServiceError('not-found', `the ${facet} taxonomy has no label "${label}"`);
  }
  const extra = await readAdditions(archive.dir);
  const entries = [...(extra[facet] ?? [])];
  const at = entries.findIndex((entry) => entry.label === label);
  const existing = at >= 0 ? entries[at] : undefined;
  const aliases = [...new Set([...(existing?.aliases ?? []), ...request.aliases])];
  if (aliases.length === 0) throw new ServiceError('bad-request', `a new ${facet} label needs at least one alias`);
  const entry = { ...existing, label, aliases };
  if (at >= 0) entries[at] = entry;
  else entries.push(entry);
  const next: TaxonomyFile = { ...extra, [facet]: entries };
  // Throws TaxonomyError (e.g. taxonomy-alias-syntax) before anything is written.
  const compiled = compileTaxonomy(loadDefaultTaxonomy().file, next);
  // taxonomy.json and the re-tagged items are one journaled change: a crash leaves both or neither.
  return archive.retagAll(compiled, [{ path: join(archive.dir, TAXONOMY_FILE), data: `${JSON.stringify(next, null, 2)}\n` }]);
}
