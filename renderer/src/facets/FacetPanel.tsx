// The left column's facet groups: one checkbox per value, named "<label> <count>".
import { memo } from 'react';
import type { SearchResult } from '../../../shared/search/index';
import { FACET_TITLES } from '../lib/format';
import type { FacetFilter, FilterKey } from '../search/compose-query';

const KEYS: FilterKey[] = ['state', 'organ', 'exercise', 'person', 'year'];
const SHOWN = 12;

interface Props {
  facets: SearchResult['facets'] | undefined;
  filters: readonly FacetFilter[];
  onToggle: (filter: FacetFilter) => void;
}

function valuesOf(key: FilterKey, facets: Props['facets'], filters: readonly FacetFilter[]) {
  const counted = facets?.[key] ?? [];
  const list = key === 'year' ? [...counted].sort((a, b) => b.value.localeCompare(a.value)) : counted;
  // A checked value stays visible even when the result no longer holds it.
  const checked = filters.filter((f) => f.key === key && !list.some((v) => v.value === f.value));
  return [...checked.map((f) => ({ value: f.value, count: 0 })), ...list];
}

/** Facet groups State, Organ, Exercise, Person, Year (memoised: re-rendered when the facets, filters or handler change). */
export const FacetPanel = memo(function FacetPanel({ facets, filters, onToggle }: Props) {
  return (
    <nav className="facets" aria-label="Filters">
      {KEYS.map((key) => (
        <FacetGroup key={key} facetKey={key} values={valuesOf(key, facets, filters)} filters={filters} onToggle={onToggle} />
      ))}
    </nav>
  );
});

interface GroupProps {
  facetKey: FilterKey;
  values: { value: string; count: number }[];
  filters: readonly FacetFilter[];
  onToggle: (filter: FacetFilter) => void;
}

function FacetGroup({ facetKey, values, filters, onToggle }: GroupProps) {
  const title = FACET_TITLES[facetKey];
  const isChecked = (value: string) => filters.some((f) => f.key === facetKey && f.value === value);
  const shown = values.filter((v, i) => i < SHOWN || isChecked(v.value));
  return (
    <div role="group" aria-label={title} className="facet-group">
      <h3 className="facet-title" aria-hidden="true">
        {title}
      </h3>
      {shown.length === 0 && <p className="muted small">None</p>}
      {shown.map(({ value, count }) => (
        <label key={value} className="facet-value">
          <input type="checkbox" checked={isChecked(value)} onChange={() => onToggle({ key: facetKey, value })} />
          <span className="facet-label">{value}</span> <span className="facet-count">{count}</span>
        </label>
      ))}
      {values.length > shown.length && <p className="muted small">{values.length - shown.length} more — type {facetKey}: to narrow</p>}
    </div>
  );
}
