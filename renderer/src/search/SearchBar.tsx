// The search box, the sort choice, the active filters and the query's error, if any.
import type { Ref } from 'react';
import type { SortChoice } from '../app/workspace-state';
import type { FacetFilter, MonthRange } from './compose-query';

interface Props {
  inputRef: Ref<HTMLInputElement>;
  text: string;
  sort: SortChoice;
  filters: readonly FacetFilter[];
  range: MonthRange | null;
  total: number | null;
  error: { message: string; position: number } | undefined;
  onText: (text: string) => void;
  onSort: (sort: SortChoice) => void;
  onRemoveFilter: (filter: FacetFilter) => void;
  onClearRange: () => void;
}

/** Search box named "Search archive", with the result count and inline errors. */
export function SearchBar(props: Props) {
  const { inputRef, text, sort, filters, range, total, error } = props;
  return (
    <div className="search-bar">
      <div className="search-row">
        <input
          ref={inputRef}
          type="search"
          className="search-input"
          aria-label="Search archive"
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? 'search-error' : undefined}
          placeholder="Search archive  ( / )"
          value={text}
          spellCheck={false}
          onChange={(event) => props.onText(event.target.value)}
        />
        <label className="sort">
          <span className="visually-hidden">Sort</span>
          <select aria-label="Sort" value={sort} onChange={(event) => props.onSort(event.target.value as SortChoice)}>
            <option value="relevance">Relevance</option>
            <option value="date">Date (newest)</option>
          </select>
        </label>
      </div>
      {error && (
        <p id="search-error" role="alert" className="search-error">
          {error.message} (at character {error.position + 1})
        </p>
      )}
      <div className="active-filters">
        <span className="result-count" aria-live="polite">
          {total === null ? 'Loading…' : `${total} result${total === 1 ? '' : 's'}`}
        </span>
        {filters.map((f) => (
          <button key={`${f.key}:${f.value}`} type="button" className="chip" aria-label={`Remove filter ${f.key}: ${f.value}`} onClick={() => props.onRemoveFilter(f)}>
            {f.key}: {f.value} ×
          </button>
        ))}
        {range && (
          <button type="button" className="chip" aria-label={`Remove date filter ${range.from} to ${range.to}`} onClick={props.onClearRange}>
            date: {range.from}..{range.to} ×
          </button>
        )}
      </div>
    </div>
  );
}
