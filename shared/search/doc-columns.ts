// Per-slot integer columns for what results are counted and ordered by (facet values, year, month,
// date), so facets and the timeline over 100,000 hits are a loop over integers, never over texts.
import { FACETS } from '../model';
import type { Facet, ItemStatus, Lang } from '../model';
import { toDayNumber } from './filters';
import { endOfDatePrefix, startOfDatePrefix } from './query-dates';
import type { SearchDoc } from './search-doc';

export type FacetCounts = { value: string; count: number }[];

/** Numeric per-slot columns, in the order they are saved. */
export const NUMERIC_COLUMNS = ['years', 'months', 'dayStarts', 'dayEnds', 'dateKeys', 'attributes'] as const;
export type NumericColumn = (typeof NUMERIC_COLUMNS)[number];

export interface DocColumns {
  /** Distinct tag and collection value ids per slot (ids into valueFacets/valueLabels). */
  facetValues: (Uint32Array | undefined)[];
  valueIds: Map<string, number>;
  /** The facet of each value: an index into FACETS, or COLLECTION_FACET. */
  valueFacets: number[];
  valueLabels: string[];
  /** Year per slot, 0 when undated. */
  years: Int32Array;
  /** Months since year 0 (year * 12 + month - 1) per slot, -1 when not dated to a month. */
  months: Int32Array;
  /** First and last day the date covers (YYYYMMDD), 0 when undated: date filters compare these. */
  dayStarts: Int32Array;
  dayEnds: Int32Array;
  /** Orders as the ISO date prefixes do ("2021" < "2021-01" < "2021-01-01"); 0 when undated. */
  dateKeys: Int32Array;
  /** Status, language and has: flags packed (see ATTRIBUTE_BITS). */
  attributes: Int32Array;
}

/** The pseudo-facet collections are stored under in the value table (in: filters). */
export const COLLECTION_FACET = FACETS.length;
const STATUSES: readonly ItemStatus[] = ['unread', 'reviewed', 'starred'];
const LANGS: readonly Lang[] = ['en', 'ru'];
/** Bits of `attributes`: status (2 bits), language (1 bit), then has:note, highlights, tags, date. */
export const ATTRIBUTE_BITS = { note: 8, highlights: 16, tags: 32, date: 64 } as const;

/** The attributes bits of a status or language value. */
export function encodeAttribute(key: 'status' | 'lang', value: string): number {
  return key === 'status' ? Math.max(0, STATUSES.indexOf(value as ItemStatus)) : Math.max(0, LANGS.indexOf(value as Lang)) << 2;
}

/** Empty columns. */
export function createDocColumns(): DocColumns {
  const columns = { facetValues: [], valueIds: new Map(), valueFacets: [], valueLabels: [] } as unknown as DocColumns;
  for (const name of NUMERIC_COLUMNS) columns[name] = new Int32Array(1024);
  return columns;
}

/** Interns a (facet, label) value. */
export function internValue(columns: DocColumns, facet: number, label: string): number {
  const key = `${facet}\u0000${label}`;
  let id = columns.valueIds.get(key);
  if (id === undefined) {
    id = columns.valueLabels.length;
    columns.valueIds.set(key, id);
    columns.valueFacets.push(facet);
    columns.valueLabels.push(label);
  }
  return id;
}

function ensureCapacity(columns: DocColumns, slot: number): void {
  if (slot < columns.years.length) return;
  const size = Math.max(slot + 1, columns.years.length * 2);
  for (const name of NUMERIC_COLUMNS) {
    const next = new Int32Array(size);
    next.set(columns[name]);
    columns[name] = next;
  }
}

function toDateKey(date: string): number {
  return toDayNumber(startOfDatePrefix(date)) * 4 + (date.length === 4 ? 0 : date.length === 7 ? 1 : 2);
}

function encodeAttributes(doc: SearchDoc): number {
  let bits = encodeAttribute('status', doc.status) | encodeAttribute('lang', doc.lang);
  if (doc.note.trim() !== '') bits |= ATTRIBUTE_BITS.note;
  if (doc.highlights.length > 0) bits |= ATTRIBUTE_BITS.highlights;
  if (FACETS.some((facet) => doc.tags[facet].length > 0)) bits |= ATTRIBUTE_BITS.tags;
  if (doc.date !== null) bits |= ATTRIBUTE_BITS.date;
  return bits;
}

/** Records the columns of the doc in its slot. */
export function setDocColumns(columns: DocColumns, slot: number, doc: SearchDoc): void {
  ensureCapacity(columns, slot);
  const ids = new Set<number>();
  FACETS.forEach((facet, f) => {
    for (const label of doc.tags[facet]) ids.add(internValue(columns, f, label));
  });
  for (const label of doc.collections) ids.add(internValue(columns, COLLECTION_FACET, label));
  columns.facetValues[slot] = Uint32Array.from(ids);
  const { date } = doc;
  columns.years[slot] = date ? Number(date.slice(0, 4)) % MAX_YEAR : 0;
  columns.months[slot] = date && date.length >= 7 ? Number(date.slice(0, 4)) * 12 + Number(date.slice(5, 7)) - 1 : -1;
  columns.dayStarts[slot] = date ? toDayNumber(startOfDatePrefix(date)) : 0;
  columns.dayEnds[slot] = date ? toDayNumber(endOfDatePrefix(date)) : 0;
  columns.dateKeys[slot] = date ? toDateKey(date) : 0;
  columns.attributes[slot] = encodeAttributes(doc);
}

/** Moves slot data after compaction (remap: old slot → new slot or -1). */
export function compactDocColumns(columns: DocColumns, remap: Int32Array): void {
  let live = 0;
  for (let slot = 0; slot < remap.length; slot++) {
    const to = remap[slot] as number;
    if (to < 0) continue;
    live++;
    columns.facetValues[to] = columns.facetValues[slot];
    for (const name of NUMERIC_COLUMNS) columns[name][to] = columns[name][slot] as number;
  }
  columns.facetValues.length = live;
}

function toFacetCounts(entries: [string, number][]): FacetCounts {
  return entries
    .map(([value, count]) => ({ value, count }))
    .sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));
}

const MAX_YEAR = 10_000;

/** Facet counts per facet and year, and the month histogram, over the given slots. */
export function countFacets(
  columns: DocColumns,
  slots: Int32Array,
): { facets: Record<Facet | 'year', FacetCounts>; months: { month: string; count: number }[] } {
  const valueCounts = new Uint32Array(columns.valueLabels.length);
  const { facetValues, years, months } = columns;
  // Counters cover only the years the slots span, found first: usually a few decades.
  let first = MAX_YEAR;
  let last = 0;
  for (let i = 0; i < slots.length; i++) {
    const year = years[slots[i] as number] as number;
    if (year > 0 && year < first) first = year;
    if (year > last) last = year;
  }
  const span = Math.max(0, last - first + 1);
  const yearCounts = new Uint32Array(span);
  const monthCounts = new Uint32Array(span * 12);
  for (let i = 0; i < slots.length; i++) {
    const slot = slots[i] as number;
    const values = facetValues[slot];
    if (values) {
      for (let v = 0; v < values.length; v++) {
        const id = values[v] as number;
        valueCounts[id] = (valueCounts[id] as number) + 1;
      }
    }
    const year = years[slot] as number;
    if (year > 0) yearCounts[year - first] = (yearCounts[year - first] as number) + 1;
    const month = (months[slot] as number) - first * 12;
    if (month >= 0) monthCounts[month] = (monthCounts[month] as number) + 1;
  }
  const perFacet: [string, number][][] = FACETS.map(() => []);
  valueCounts.forEach((count, id) => {
    if (count > 0) perFacet[columns.valueFacets[id] as number]?.push([columns.valueLabels[id] as string, count]);
  });
  const facets = {} as Record<Facet | 'year', FacetCounts>;
  FACETS.forEach((facet, f) => (facets[facet] = toFacetCounts(perFacet[f] ?? [])));
  const yearEntries: [string, number][] = [];
  yearCounts.forEach((count, at) => count > 0 && yearEntries.push([String(first + at).padStart(4, '0'), count]));
  facets.year = toFacetCounts(yearEntries);
  const histogram: { month: string; count: number }[] = [];
  monthCounts.forEach((count, at) => {
    if (count === 0) return;
    const key = first * 12 + at;
    const month = `${String(Math.floor(key / 12)).padStart(4, '0')}-${String((key % 12) + 1).padStart(2, '0')}`;
    histogram.push({ month, count });
  });
  return { facets, months: histogram };
}
