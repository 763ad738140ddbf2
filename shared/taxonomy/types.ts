// Types of the taxonomy file (resources/taxonomy.json and an archive's taxonomy.json) and of its compiled form.
import type { Facet } from '../model';
import type { NeedleIndex } from './needle-index';

/**
 * How a series name written without a year may be tagged (exercises only):
 * - `never`: only with a year (names that are also ordinary words or regions, e.g. Tsentr, Kavkaz);
 * - `quoted`: with a year, or alone inside quotes near an exercise word (exercise, operation, учения…);
 * - `context`: as `quoted`, or also unquoted, capitalised, near an exercise word;
 * - `anywhere`: alone, quoted or capitalised, anywhere (names that are no ordinary word: Nelegal, PROXI).
 */
export type BareMode = 'never' | 'quoted' | 'context' | 'anywhere';

export interface TaxonomyEntry {
  /** Canonical English label; for exercises the series name ("Interaction"). */
  label: string;
  /** Alias patterns, English and Russian (see docs/taxonomy.md for the pattern syntax). */
  aliases: string[];
  /** Phrases that cancel a match of this entry lying inside them ("UN Secretariat" for Secretariat). */
  not?: string[];
  /** Exercises only: when the series name alone (without a year) is tagged. Default `context`. */
  bare?: BareMode;
  /** Free description, e.g. a person's role and years; never matched. */
  note?: string;
}

export interface TaxonomyFile {
  format: 'annals-taxonomy';
  version: 1;
  /** Named sets of endings an alias may reference as `<name>` (Russian inflections). */
  endings?: Record<string, string[]>;
  /** Words that mark an exercise nearby (exercise, operation, учения…), alias patterns. */
  exerciseContext?: string[];
  state?: TaxonomyEntry[];
  organ?: TaxonomyEntry[];
  exercise?: TaxonomyEntry[];
  person?: TaxonomyEntry[];
}

/**
 * One entry with its aliases turned into regular expressions. The patterns leave out the start
 * boundary: run them with `matchWords` (word-match.ts), never with `matchAll`.
 */
export interface CompiledEntry {
  label: string;
  /** Case-insensitive aliases, or null when the entry has none. */
  insensitive: RegExp | null;
  /** Aliases with no lowercase letter (abbreviations), matched as written. */
  sensitive: RegExp | null;
  /** Spans that cancel a match inside them, or null. */
  not: RegExp | null;
  /** Lower-cased literal starts of the aliases; a text containing none is skipped (null: never skip). */
  needles: string[] | null;
}

/** An exercise series with its name patterns; `withYear` and `alone` are run with `matchWords`. */
export interface CompiledSeries {
  label: string;
  bare: BareMode;
  /** Matches one whole name exactly (anchored), for quoted names. */
  exact: RegExp;
  /** Name followed by a year: group 1 = year. */
  withYear: RegExp;
  /** Capitalised name alone, bounded after (the start boundary is checked by `matchWords`). */
  alone: RegExp;
  /** Lower-cased literal starts of the aliases; a text containing none is skipped (null: never skip). */
  needles: string[] | null;
}

export interface CompiledTaxonomy {
  /** The merged file the matchers were built from (base plus the user's additions). */
  file: TaxonomyFile;
  names: Record<Exclude<Facet, 'exercise'>, CompiledEntry[]>;
  series: CompiledSeries[];
  /** Exercise context words, one regex. */
  context: RegExp;
  /** Every needle of the entries and series above, for one prefilter scan per text. */
  needleIndex: NeedleIndex;
}
