// The query the search box runs: what the user typed, plus the facet and date filters the
// left column and the timeline add. Pure, so the UI can show and test exactly what is searched.

export type FilterKey = 'state' | 'organ' | 'exercise' | 'person' | 'year';

export interface FacetFilter {
  key: FilterKey;
  value: string;
}

/** A month range chosen on the timeline, both ends included (YYYY-MM). */
export interface MonthRange {
  from: string;
  to: string;
}

/** Writes a filter value so the query parser reads it back as one value. */
export function quoteFilterValue(value: string): string {
  const clean = value.replace(/"/g, '').trim();
  return /^[\p{L}\p{N}\-.]+$/u.test(clean) ? clean : `"${clean}"`;
}

/** Groups filters by key: values of one key are alternatives (OR), keys are all required. */
export function composeFilterQuery(filters: readonly FacetFilter[]): string {
  const byKey = new Map<FilterKey, string[]>();
  for (const f of filters) byKey.set(f.key, [...(byKey.get(f.key) ?? []), `${f.key}:${quoteFilterValue(f.value)}`]);
  return [...byKey.values()].map((terms) => (terms.length === 1 ? terms[0] : `(${terms.join(' OR ')})`)).join(' ');
}

/** The full query: the typed text (in parentheses when combined) with filters and the date range. */
export function composeQuery(text: string, filters: readonly FacetFilter[], range: MonthRange | null): string {
  const parts: string[] = [];
  const typed = text.trim();
  const extra = [composeFilterQuery(filters), range ? `date:${range.from}..${range.to}` : ''].filter(Boolean);
  if (typed) parts.push(extra.length ? `(${typed})` : typed);
  parts.push(...extra);
  return parts.join(' ');
}

/** Adds the filter, or removes it when present. */
export function toggleFilter(filters: readonly FacetFilter[], filter: FacetFilter): FacetFilter[] {
  const isPresent = filters.some((f) => f.key === filter.key && f.value === filter.value);
  return isPresent ? filters.filter((f) => !(f.key === filter.key && f.value === filter.value)) : [...filters, filter];
}
