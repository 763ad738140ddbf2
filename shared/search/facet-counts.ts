// Facet counts, year counts and the month histogram of a result set: one pass over the hit slots,
// reading the integer columns only, with counters sized to the value table and to the years the
// archive spans (so a pass over all 100,000 items allocates a few kilobytes and compares no text).
import { FACETS } from '../model';
import type { Facet } from '../model';
import type { DocColumns } from './doc-columns';

export type FacetCounts = { value: string; count: number }[];

/** Facets (and years) and the month histogram of a result set, as searchArchive returns them. */
export interface FacetSummary {
  facets: Record<Facet | 'year', FacetCounts>;
  months: { month: string; count: number }[];
}

function toFacetCounts(entries: [string, number][]): FacetCounts {
  return entries
    .map(([value, count]) => ({ value, count }))
    .sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));
}

interface Counters {
  values: Uint32Array;
  years: Uint32Array;
  months: Uint32Array;
}

// The single pass: value ids through the flat value table, years and months as offsets from the
// first year the archive holds.
function countSlots(columns: DocColumns, slots: Int32Array, count: number): Counters {
  const first = columns.firstYear;
  const span = first === 0 ? 0 : columns.lastYear - first + 1;
  const counters = {
    values: new Uint32Array(columns.valueLabels.length),
    years: new Uint32Array(span),
    months: new Uint32Array(span * 12),
  };
  const { values, years: yearCounts, months: monthCounts } = counters;
  const { valueStarts, valueIds, years, months } = columns;
  const firstMonth = first * 12;
  for (let i = 0; i < count; i++) {
    const slot = slots[i] as number;
    const end = valueStarts[slot + 1] as number;
    for (let v = valueStarts[slot] as number; v < end; v++) {
      const id = valueIds[v] as number;
      values[id] = (values[id] as number) + 1;
    }
    const year = years[slot] as number;
    if (year > 0) yearCounts[year - first] = (yearCounts[year - first] as number) + 1;
    const month = (months[slot] as number) - firstMonth;
    if (month >= 0) monthCounts[month] = (monthCounts[month] as number) + 1;
  }
  return counters;
}

function toMonthKey(key: number): string {
  return `${String(Math.floor(key / 12)).padStart(4, '0')}-${String((key % 12) + 1).padStart(2, '0')}`;
}

/**
 * Facet counts per facet and year, and the month histogram, over the first `count` of the given
 * slots (all of them by default).
 */
export function countFacets(columns: DocColumns, slots: Int32Array, count = slots.length): FacetSummary {
  const counters = countSlots(columns, slots, count);
  const perFacet: [string, number][][] = FACETS.map(() => []);
  counters.values.forEach((n, id) => {
    if (n > 0) perFacet[columns.valueFacets[id] as number]?.push([columns.valueLabels[id] as string, n]);
  });
  const facets = {} as Record<Facet | 'year', FacetCounts>;
  FACETS.forEach((facet, f) => (facets[facet] = toFacetCounts(perFacet[f] ?? [])));
  const first = columns.firstYear;
  const yearEntries: [string, number][] = [];
  counters.years.forEach((n, at) => n > 0 && yearEntries.push([String(first + at).padStart(4, '0'), n]));
  facets.year = toFacetCounts(yearEntries);
  const months: { month: string; count: number }[] = [];
  counters.months.forEach((n, at) => n > 0 && months.push({ month: toMonthKey(first * 12 + at), count: n }));
  return { facets, months };
}
