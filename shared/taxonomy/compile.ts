// Merges the built-in taxonomy with a user's additions and turns every alias into regular expressions.
import { FACETS } from '../model';
import { AFTER_WORD, boundedAfter, compileAlias, DASH, foldYo, listNeedles } from './alias-pattern';
import { buildNeedleIndex } from './needle-index';
import type { CompiledEntry, CompiledSeries, CompiledTaxonomy, TaxonomyEntry, TaxonomyFile } from './types';

/** Adds the extra file's entries to the base: same label → aliases and exclusions appended; new label → appended. */
export function mergeTaxonomyFiles(base: TaxonomyFile, extra?: TaxonomyFile): TaxonomyFile {
  if (!extra) return base;
  const merged: TaxonomyFile = {
    format: 'annals-taxonomy',
    version: 1,
    endings: { ...base.endings, ...extra.endings },
    exerciseContext: [...(base.exerciseContext ?? []), ...(extra.exerciseContext ?? [])],
  };
  for (const facet of FACETS) {
    const entries = (base[facet] ?? []).map((entry) => ({ ...entry }));
    for (const addition of extra[facet] ?? []) {
      const existing = entries.find((entry) => entry.label === addition.label);
      if (!existing) {
        entries.push({ ...addition });
        continue;
      }
      existing.aliases = [...existing.aliases, ...addition.aliases];
      if (addition.not) existing.not = [...(existing.not ?? []), ...addition.not];
      if (addition.bare) existing.bare = addition.bare;
    }
    merged[facet] = entries;
  }
  return merged;
}

function joinSources(sources: string[]): string | null {
  return sources.length === 0 ? null : sources.map((s) => `(?:${s})`).join('|');
}

function compileEntry(entry: TaxonomyEntry, endings: Record<string, string[]>): CompiledEntry {
  const compiled = entry.aliases.map((alias) => compileAlias(alias, endings));
  const insensitive = joinSources(compiled.filter((a) => !a.isCaseSensitive).map((a) => a.source));
  const sensitive = joinSources(compiled.filter((a) => a.isCaseSensitive).map((a) => a.source));
  const not = joinSources((entry.not ?? []).map((phrase) => compileAlias(phrase, endings).source));
  return {
    label: entry.label,
    insensitive: insensitive === null ? null : new RegExp(boundedAfter(insensitive), 'giu'),
    sensitive: sensitive === null ? null : new RegExp(boundedAfter(sensitive), 'gu'),
    not: not === null ? null : new RegExp(boundedAfter(not), 'giu'),
    needles: listNeedles(entry.aliases),
  };
}

const YEAR = '((?:19|20)\\d{2})';
/** "Ближний Восток 2023 года": a name, a space and a year read as a date, not as an exercise. */
const YEAR_IN_RUSSIAN_PHRASE = '\\d{4}\\s*(?:год|гг?\\.)';

function compileSeries(entry: TaxonomyEntry, endings: Record<string, string[]>): CompiledSeries {
  const source = entry.aliases.map((alias) => `(?:${compileAlias(alias, endings).source})`).join('|');
  return {
    label: entry.label,
    bare: entry.bare ?? 'context',
    exact: new RegExp(`^(?:${source})(?:${DASH}(\\p{L}.*?))?(?:(?:${DASH}|\\s+)${YEAR})?$`, 'iu'),
    withYear: new RegExp(`(?:${source})(?:${DASH}|\\s+(?!${YEAR_IN_RUSSIAN_PHRASE}))${YEAR}${AFTER_WORD}`, 'gu'),
    alone: new RegExp(boundedAfter(source), 'gu'),
    needles: listNeedles(entry.aliases),
  };
}

/** Builds the matchers of a merged taxonomy file. Throws TaxonomyError when an alias is malformed. */
export function buildCompiledTaxonomy(file: TaxonomyFile): CompiledTaxonomy {
  const endings = file.endings ?? {};
  const context = (file.exerciseContext ?? []).map((alias) => compileAlias(alias, endings).source);
  const names = {
    state: (file.state ?? []).map((entry) => compileEntry(entry, endings)),
    organ: (file.organ ?? []).map((entry) => compileEntry(entry, endings)),
    person: (file.person ?? []).map((entry) => compileEntry(entry, endings)),
  };
  const series = (file.exercise ?? []).map((entry) => compileSeries(entry, endings));
  const needleLists = [...names.state, ...names.organ, ...names.person, ...series].map((entry) => entry.needles);
  const aliases = FACETS.flatMap((facet) => (file[facet] ?? []).flatMap((entry) => entry.aliases.map(foldYo)));
  return {
    file,
    names,
    series,
    context: new RegExp(context.length === 0 ? '(?!)' : `(?<![\\p{L}\\p{N}])(?:${context.join('|')})`, 'iu'),
    needleIndex: buildNeedleIndex(needleLists, aliases),
  };
}
