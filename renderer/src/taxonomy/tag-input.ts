// The tag field: "facet: label" or a bare label, completed from the taxonomy.
import { FACETS } from '../../../shared/model';
import type { Facet } from '../../../shared/model';

export type TaxonomyLabels = Record<Facet, string[]>;

export interface TagChoice {
  facet: Facet;
  label: string;
}

const FACET_NAMES: Record<string, Facet> = { state: 'state', organ: 'organ', exercise: 'exercise', person: 'person' };

/** Splits "facet: label" into its parts; a bare label has no facet. */
export function splitTagInput(input: string): { facet: Facet | null; label: string } {
  const match = /^\s*([a-z]+)\s*:\s*(.*)$/i.exec(input);
  const facet = match ? FACET_NAMES[(match[1] ?? '').toLowerCase()] : undefined;
  if (match && facet) return { facet, label: (match[2] ?? '').trim() };
  return { facet: null, label: input.trim() };
}

/** Taxonomy labels matching the input (prefix first, then substring), at most `limit`. */
export function suggestTags(input: string, labels: TaxonomyLabels, limit = 8): TagChoice[] {
  const { facet, label } = splitTagInput(input);
  const needle = label.toLocaleLowerCase();
  const prefix: TagChoice[] = [];
  const inner: TagChoice[] = [];
  for (const f of facet ? [facet] : FACETS) {
    for (const l of labels[f]) {
      const hay = l.toLocaleLowerCase();
      if (hay.startsWith(needle)) prefix.push({ facet: f, label: l });
      else if (needle && hay.includes(needle)) inner.push({ facet: f, label: l });
    }
  }
  return [...prefix, ...inner].slice(0, limit);
}

/**
 * What the field's value adds: an exact taxonomy label (any facet, case-insensitive), or a new
 * label under the facet named or chosen; null when no facet can be told.
 */
export function resolveTagInput(input: string, labels: TaxonomyLabels, chosenFacet: Facet | null): TagChoice | null {
  const { facet, label } = splitTagInput(input);
  if (!label) return null;
  const lower = label.toLocaleLowerCase();
  for (const f of facet ? [facet] : FACETS) {
    const found = labels[f].find((l) => l.toLocaleLowerCase() === lower);
    if (found) return { facet: f, label: found };
  }
  const target = facet ?? chosenFacet;
  return target ? { facet: target, label } : null;
}
