// Runs the composed query in the worker as the user types; the latest query wins.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { SearchResult } from '../../../shared/search/index';
import { useIndexGeneration, useServices } from '../app/use-services';
import type { SortChoice } from '../app/workspace-state';

const PAGE = 200;

export interface SearchState {
  result: SearchResult | null;
  /** The index generation the shown result was computed on (0: before any index was loaded). */
  resultGeneration: number;
  isSearching: boolean;
  /** Fetches the next page of hits (the virtual list calls it near the end). */
  loadMore(): void;
}

/** Searches `query`; re-runs when the index changes. */
export function useSearch(query: string, sort: SortChoice): SearchState {
  const { search } = useServices();
  const generation = useIndexGeneration();
  const [shown, setShown] = useState<{ result: SearchResult | null; generation: number }>({ result: null, generation: 0 });
  const result = shown.result;
  const [isSearching, setSearching] = useState(false);
  const ticket = useRef(0);
  const limit = useRef(PAGE);
  const options = useCallback((count: number) => ({ sort: sort === 'date' ? ('date' as const) : undefined, limit: count }), [sort]);

  const run = useCallback(
    (count: number, onGeneration: number) => {
      const mine = ++ticket.current;
      setSearching(true);
      search
        .search(query, options(count))
        .then((next) => {
          if (mine === ticket.current) setShown({ result: next, generation: onGeneration });
        })
        .catch((caught: unknown) => console.error('search failed', caught))
        .finally(() => {
          if (mine === ticket.current) setSearching(false);
        });
    },
    [search, query, options],
  );

  useEffect(() => {
    limit.current = PAGE;
    run(PAGE, generation);
  }, [run, generation]);

  const loadMore = useCallback(() => {
    if (!result || result.hits.length >= result.total || isSearching) return;
    limit.current += PAGE;
    run(limit.current, generation);
  }, [result, isSearching, run, generation]);

  return { result, resultGeneration: shown.generation, isSearching, loadMore };
}
