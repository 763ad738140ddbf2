// The taxonomy: loading, validating and compiling taxonomy files, and tagging text with it.
import defaultTaxonomyJson from '../resources/taxonomy.json';
import { emptyTags, type Facet, type Tags } from './model';
import { foldYo } from './taxonomy/alias-pattern';
import { buildCompiledTaxonomy, mergeTaxonomyFiles } from './taxonomy/compile';
import { findExerciseMentions } from './taxonomy/match-exercises';
import { findNameMentions, orderLabels } from './taxonomy/match-names';
import { scanNeedles } from './taxonomy/needle-index';
import type { CompiledTaxonomy, TaxonomyFile } from './taxonomy/types';
import { validateTaxonomyFile } from './taxonomy/validate';

export type { BareMode, CompiledTaxonomy, TaxonomyEntry, TaxonomyFile } from './taxonomy/types';
export { TaxonomyError, type TaxonomyErrorCode } from './taxonomy/errors';
export { validateTaxonomyFile };

/**
 * Compiles the built-in taxonomy, optionally extended by a user's additions (an archive's taxonomy.json).
 * Both files are validated; throws a TaxonomyError naming the problem.
 */
export function compileTaxonomy(base: TaxonomyFile, extra?: TaxonomyFile): CompiledTaxonomy {
  validateTaxonomyFile(base);
  if (extra) validateTaxonomyFile(extra);
  return buildCompiledTaxonomy(mergeTaxonomyFiles(base, extra));
}

let defaultTaxonomy: CompiledTaxonomy | null = null;

/** The built-in taxonomy (resources/taxonomy.json), compiled once and cached. */
export function loadDefaultTaxonomy(): CompiledTaxonomy {
  defaultTaxonomy ??= compileTaxonomy(defaultTaxonomyJson as unknown as TaxonomyFile);
  return defaultTaxonomy;
}

/** Tags a text (give the title and the body together): each facet's labels once, in order of first mention. */
export function tagText(text: string, taxonomy: CompiledTaxonomy): Tags {
  const folded = foldYo(text);
  // The needle prefilter: most aliases are absent from most items, so most regexes need not run.
  const scan = scanNeedles(folded, taxonomy.needleIndex);
  const tags = emptyTags();
  tags.state = orderLabels(findNameMentions(folded, taxonomy.names.state, scan));
  tags.organ = orderLabels(findNameMentions(folded, taxonomy.names.organ, scan));
  tags.person = orderLabels(findNameMentions(folded, taxonomy.names.person, scan));
  tags.exercise = orderLabels(findExerciseMentions(folded, taxonomy, scan));
  return tags;
}

/** The canonical labels of one facet, in taxonomy order (exercises: series names), for completion and facets. */
export function listLabels(taxonomy: CompiledTaxonomy, facet: Facet): string[] {
  return (taxonomy.file[facet] ?? []).map((entry) => entry.label);
}

/** The series of an exercise label: "Interaction-2024" → "Interaction"; a label without a year is its own series. */
export function seriesOf(label: string): string {
  return label.replace(/\s*-\s*(?:19|20)\d{2}$/u, '');
}
