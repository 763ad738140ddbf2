// Per-slot integer columns for what results are filtered, counted and ordered by (facet values, year,
// month, date, status/lang/has bits), so filters, facets and the timeline over 100,000 hits are loops
// over integers, never over texts. Slots are only ever appended (a replaced doc gets a new slot), so
// the facet values are kept flat: valueIds[valueStarts[slot] .. valueStarts[slot + 1]].
import { FACETS } from '../model';
import type { ItemStatus, Lang } from '../model';
import { toDayNumber } from './filters';
import { endOfDatePrefix, startOfDatePrefix } from './query-dates';
import type { SearchDoc } from './search-doc';

/** Numeric per-slot columns, in the order they are saved. */
export const NUMERIC_COLUMNS = ['years', 'months', 'dayStarts', 'dayEnds', 'dateKeys', 'attributes'] as const;
export type NumericColumn = (typeof NUMERIC_COLUMNS)[number];

export interface DocColumns {
  /** Slots recorded (live or not): the next doc goes into this slot. */
  slotCount: number;
  /** Where each slot's value ids start in valueIds (slotCount + 1 offsets). */
  valueStarts: Uint32Array;
  /** Distinct tag and collection value ids of every slot, one slot after the other. */
  valueIds: Uint32Array;
  valueIdMap: Map<string, number>;
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
  /** Earliest and latest year of any slot ever recorded (0 when none): the counters' range. */
  firstYear: number;
  lastYear: number;
}

/** The pseudo-facet collections are stored under in the value table (in: filters). */
export const COLLECTION_FACET = FACETS.length;
const STATUSES: readonly ItemStatus[] = ['unread', 'reviewed', 'starred'];
const LANGS: readonly Lang[] = ['en', 'ru'];
/** Bits of `attributes`: status (2 bits), language (1 bit), then has:note, highlights, tags, date. */
export const ATTRIBUTE_BITS = { note: 8, highlights: 16, tags: 32, date: 64 } as const;
/** Years are kept modulo this (a four-digit ISO year). */
export const MAX_YEAR = 10_000;

/** The attributes bits of a status or language value. */
export function encodeAttribute(key: 'status' | 'lang', value: string): number {
  return key === 'status' ? Math.max(0, STATUSES.indexOf(value as ItemStatus)) : Math.max(0, LANGS.indexOf(value as Lang)) << 2;
}

/** Empty columns. */
export function createDocColumns(): DocColumns {
  const columns = {
    slotCount: 0,
    valueStarts: new Uint32Array(1025),
    valueIds: new Uint32Array(1024),
    valueIdMap: new Map(),
    valueFacets: [],
    valueLabels: [],
    firstYear: 0,
    lastYear: 0,
  } as unknown as DocColumns;
  for (const name of NUMERIC_COLUMNS) columns[name] = new Int32Array(1024);
  return columns;
}

/** Interns a (facet, label) value. */
export function internValue(columns: DocColumns, facet: number, label: string): number {
  const key = `${facet}\u0000${label}`;
  let id = columns.valueIdMap.get(key);
  if (id === undefined) {
    id = columns.valueLabels.length;
    columns.valueIdMap.set(key, id);
    columns.valueFacets.push(facet);
    columns.valueLabels.push(label);
  }
  return id;
}

function growTo<T extends Int32Array | Uint32Array>(array: T, needed: number): T {
  if (needed <= array.length) return array;
  const next = new (array.constructor as new (length: number) => T)(Math.max(needed, array.length * 2));
  next.set(array);
  return next;
}

function ensureCapacity(columns: DocColumns, slot: number): void {
  columns.valueStarts = growTo(columns.valueStarts, slot + 2);
  if (slot < columns.years.length) return;
  for (const name of NUMERIC_COLUMNS) columns[name] = growTo(columns[name], slot + 1);
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

/** Widens the counters' year range to hold the year (0, undated, is not a year). */
export function includeYear(columns: DocColumns, year: number): void {
  if (year <= 0) return;
  if (columns.firstYear === 0 || year < columns.firstYear) columns.firstYear = year;
  if (year > columns.lastYear) columns.lastYear = year;
}

function appendValues(columns: DocColumns, slot: number, doc: SearchDoc): void {
  const ids = new Set<number>();
  FACETS.forEach((facet, f) => {
    for (const label of doc.tags[facet]) ids.add(internValue(columns, f, label));
  });
  for (const label of doc.collections) ids.add(internValue(columns, COLLECTION_FACET, label));
  const start = columns.valueStarts[slot] as number;
  columns.valueIds = growTo(columns.valueIds, start + ids.size);
  let at = start;
  for (const id of ids) columns.valueIds[at++] = id;
  columns.valueStarts[slot + 1] = at;
}

/** Records the columns of a doc in a new slot, which must be the next one (slots are appended). */
export function setDocColumns(columns: DocColumns, slot: number, doc: SearchDoc): void {
  if (slot !== columns.slotCount) throw new Error(`Columns expected slot ${columns.slotCount}, got ${slot}`);
  ensureCapacity(columns, slot);
  appendValues(columns, slot, doc);
  columns.slotCount = slot + 1;
  const { date } = doc;
  const year = date ? Number(date.slice(0, 4)) % MAX_YEAR : 0;
  columns.years[slot] = year;
  includeYear(columns, year);
  columns.months[slot] = date && date.length >= 7 ? Number(date.slice(0, 4)) * 12 + Number(date.slice(5, 7)) - 1 : -1;
  columns.dayStarts[slot] = date ? toDayNumber(startOfDatePrefix(date)) : 0;
  columns.dayEnds[slot] = date ? toDayNumber(endOfDatePrefix(date)) : 0;
  columns.dateKeys[slot] = date ? toDateKey(date) : 0;
  columns.attributes[slot] = encodeAttributes(doc);
}

/** The value ids of a slot. */
export function readSlotValues(columns: DocColumns, slot: number): Uint32Array {
  return columns.valueIds.subarray(columns.valueStarts[slot], columns.valueStarts[slot + 1]);
}

/** Moves slot data after compaction (remap: old slot → new slot or -1). */
export function compactDocColumns(columns: DocColumns, remap: Int32Array): void {
  const { valueStarts, valueIds } = columns;
  const starts = new Uint32Array(remap.length + 1);
  const ids = new Uint32Array(valueStarts[columns.slotCount] as number);
  let live = 0;
  let at = 0;
  for (let slot = 0; slot < remap.length; slot++) {
    const to = remap[slot] as number;
    if (to < 0) continue;
    live++;
    for (let v = valueStarts[slot] as number; v < (valueStarts[slot + 1] as number); v++) ids[at++] = valueIds[v] as number;
    starts[to + 1] = at;
    for (const name of NUMERIC_COLUMNS) columns[name][to] = columns[name][slot] as number;
  }
  columns.valueStarts = starts;
  columns.valueIds = ids.subarray(0, at);
  columns.slotCount = live;
}
