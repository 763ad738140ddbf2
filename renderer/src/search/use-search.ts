// Runs the composed query in the worker as the user types; the latest query wins.
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import type { SearchResult } from '../../../shared/search/index';
import { useIndexGeneration, useMirrorPreview, useServices } from '../app/use-services';
import type { SortChoice } from '../app/workspace-state';
import { toPreviewResult } from './preview-result';
import { SearchWorkerError } from './search-client';

// The first page is what a screen shows (and a little more): snippets are built per hit, so a
// keystroke that asked for 200 hits cost several times one that asks for 40 (bench:browser).
const FIRST_PAGE = 40;
const PAGE = 200;

export interface SearchState {
  result: SearchResult | null;
  /** The query the shown result answers (null before any). */
  resultQuery: string | null;
  /** The index generation the shown result was computed on (0: before any index was loaded). */
  resultGeneration: number;
  /** True while the result shown is the cache's newest items, read before the index was loaded. */
  isPreview: boolean;
  isSearching: boolean;
  /** Fetches the next page of hits (the virtual list calls it near the end). */
  loadMore(): void;
}

interface Shown {
  result: SearchResult | null;
  query: string | null;
  generation: number;
}

function reportFailure(caught: unknown): void {
  // A newer keystroke replaced this search before the worker reached it.
  if (!(caught instanceof SearchWorkerError && caught.code === 'superseded')) console.error('search failed', caught);
}

/** Searches `query`; re-runs when the index changes. */
export function useSearch(query: string, sort: SortChoice): SearchState {
  const { search } = useServices();
  const generation = useIndexGeneration();
  const preview = useMirrorPreview();
  const [shown, setShown] = useState<Shown>({ result: null, query: null, generation: 0 });
  const [isSearching, setSearching] = useState(false);
  const ticket = useRef(0);
  const isLoadingMore = useRef(false);
  const sortOption = sort === 'date' ? ('date' as const) : undefined;

  useEffect(() => {
    const mine = ++ticket.current;
    setSearching(true);
    search
      .search(query, { sort: sortOption, limit: FIRST_PAGE })
      .then((next) => {
        if (mine !== ticket.current) return;
        // Committed in the task that received the reply rather than in a scheduler task after it,
        // which can wait behind a frame's rendering: the results reach the screen up to a frame
        // sooner. The facets and the timeline still follow in a deferred render (App).
        flushSync(() => {
          setShown({ result: next, query, generation });
          setSearching(false);
        });
      })
      .catch(reportFailure)
      .finally(() => {
        if (mine === ticket.current) setSearching(false);
      });
  }, [search, query, sortOption, generation]);

  // Only the next page is asked for, and appended while the same query and index are shown.
  // Stable (it reads the latest render's state), so the memoised result list skips keystrokes.
  const latest = useRef({ shown, query, generation, isSearching, sortOption });
  useLayoutEffect(() => {
    latest.current = { shown, query, generation, isSearching, sortOption };
  });
  const loadMore = useCallback(() => {
    const { shown, query, generation, isSearching, sortOption } = latest.current;
    const { result } = shown;
    if (!result || shown.query !== query || shown.generation !== generation || isSearching || isLoadingMore.current) return;
    const offset = result.hits.length;
    if (offset >= result.total) return;
    const mine = ticket.current;
    isLoadingMore.current = true;
    search
      .search(query, { sort: sortOption, limit: PAGE, offset })
      .then((page) => {
        if (mine !== ticket.current) return;
        setShown((now) => (now.result?.hits.length === offset ? { ...now, result: { ...now.result, hits: now.result.hits.concat(page.hits) } } : now));
      })
      .catch(reportFailure)
      .finally(() => (isLoadingMore.current = false));
  }, [search]);

  // Until an index answers, the empty query shows the cache's newest items.
  const previewResult = useMemo(() => (preview ? toPreviewResult(preview) : null), [preview]);
  const isPreview = shown.generation === 0 && query === '' && previewResult !== null;
  if (isPreview) return { result: previewResult, resultQuery: '', resultGeneration: 0, isPreview, isSearching, loadMore };
  return { result: shown.result, resultQuery: shown.query, resultGeneration: shown.generation, isPreview, isSearching, loadMore };
}
