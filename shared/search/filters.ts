// Filters are exact (case-insensitive) tests on the stored doc fields.
import { FACETS } from '../model';
import type { Facet } from '../model';
import type { QueryFilter } from './query';
import { endOfDatePrefix, startOfDatePrefix } from './query-dates';
import type { SearchDoc } from './search-doc';

/** Case-, ё- and spacing-insensitive form of a filter value or label. */
export function normalizeFilterValue(value: string): string {
  const cached = normalCache.get(value);
  if (cached !== undefined) return cached;
  const normal = value.normalize('NFC').toLowerCase().replace(/ё/g, 'е').replace(/\s+/g, ' ').trim();
  // Labels repeat across the whole archive (a filter tests every doc): remember them.
  if (normalCache.size >= NORMAL_CACHE_SIZE) normalCache.clear();
  normalCache.set(value, normal);
  return normal;
}

const NORMAL_CACHE_SIZE = 20_000;
const normalCache = new Map<string, string>();

function hasLabel(labels: string[], wanted: string): boolean {
  return labels.some((label) => normalizeFilterValue(label) === wanted);
}

// "Interaction" names the series "Interaction-2024", "Interaction-2023"…: the label minus its year.
function hasExercise(labels: string[], wanted: string): boolean {
  return labels.some((label) => {
    const normal = normalizeFilterValue(label);
    return normal === wanted || normal.replace(/[-\s]*\d{4}$/, '') === wanted;
  });
}

/**
 * True when the doc's date overlaps the range. A doc dated only "2021" matches date:2021-03, since
 * it may be from March; a doc without a date matches no date filter.
 */
function isInDateRange(date: string | null, from: string | null, to: string | null): boolean {
  if (date === null) return false;
  if (from !== null && endOfDatePrefix(date) < startOfDatePrefix(from)) return false;
  if (to !== null && startOfDatePrefix(date) > endOfDatePrefix(to)) return false;
  return true;
}

/** True when the doc passes the filter. */
export function matchesFilter(doc: SearchDoc, filter: QueryFilter): boolean {
  switch (filter.key) {
    case 'date':
      return isInDateRange(doc.date, filter.from, filter.to);
    case 'has':
      if (filter.value === 'note') return doc.note.trim() !== '';
      if (filter.value === 'highlights') return doc.highlights.length > 0;
      if (filter.value === 'date') return doc.date !== null;
      return FACETS.some((facet) => doc.tags[facet].length > 0);
    case 'status':
      return doc.status === filter.value;
    case 'lang':
      return doc.lang === filter.value;
    case 'in':
      return hasLabel(doc.collections, normalizeFilterValue(filter.value));
    case 'tag':
      return FACETS.some((facet) => hasLabel(doc.tags[facet], normalizeFilterValue(filter.value)));
    case 'exercise':
      return hasExercise(doc.tags.exercise, normalizeFilterValue(filter.value));
    default:
      return hasLabel(doc.tags[filter.key], normalizeFilterValue(filter.value));
  }
}

/**
 * For a filter on tags (state, organ, exercise, person, tag), whether one tag label of a facet
 * passes it; null for other filters. A doc passes when one of its labels does.
 */
export function createLabelTest(filter: QueryFilter): ((facet: Facet, label: string) => boolean) | null {
  switch (filter.key) {
    case 'tag':
    case 'exercise':
    case 'state':
    case 'organ':
    case 'person': {
      const { key } = filter;
      const wanted = normalizeFilterValue(filter.value);
      if (key === 'tag') return (_facet, label) => hasLabel([label], wanted);
      if (key === 'exercise') return (facet, label) => facet === 'exercise' && hasExercise([label], wanted);
      return (facet, label) => facet === key && hasLabel([label], wanted);
    }
    default:
      return null;
  }
}

/** A day as the number YYYYMMDD, for comparing dates as integers. */
export function toDayNumber(isoDay: string): number {
  return Number(isoDay.replace(/-/g, ''));
}

/** The days a date filter covers, as YYYYMMDD numbers (open ends as 0 and 99999999). */
export function toDayRange(filter: { from: string | null; to: string | null }): [number, number] {
  return [
    filter.from === null ? 0 : toDayNumber(startOfDatePrefix(filter.from)),
    filter.to === null ? 99_999_999 : toDayNumber(endOfDatePrefix(filter.to)),
  ];
}
