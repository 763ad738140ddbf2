// The virtualized result list: only the rows in view are in the DOM.
import { memo, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { SearchHit } from '../../../shared/search/index';
import { ResultRow } from './ResultRow';
import { computeWindow, scrollToRow } from './virtual-window';

export const ROW_HEIGHT = 92;

interface Props {
  hits: readonly SearchHit[];
  /** The query the hits answer: on the list as data-query (a plain DOM signal for tests and benchmarks). */
  query: string | null;
  total: number;
  activeIndex: number;
  openId: string | null;
  selected: readonly string[];
  /** Bumped when the keyboard moved the active row: focus follows it. */
  focusRequest: number;
  onOpen: (index: number) => void;
  onSelect: (id: string, mode: 'toggle' | 'range') => void;
  onNeedMore: () => void;
}

function useViewport(ref: React.RefObject<HTMLDivElement | null>): number {
  const [height, setHeight] = useState(600);
  useLayoutEffect(() => {
    const element = ref.current;
    if (!element) return;
    setHeight(element.clientHeight || 600);
    const observer = new ResizeObserver(() => setHeight(element.clientHeight || 600));
    observer.observe(element);
    return () => observer.disconnect();
  }, [ref]);
  return height;
}

/**
 * The list named "Results" (memoised: a keystroke whose results are not in yet does not re-render
 * it, given stable handlers).
 */
export const ResultList = memo(function ResultList({ hits, query, total, activeIndex, openId, selected, focusRequest, onOpen, onSelect, onNeedMore }: Props) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const viewport = useViewport(scrollRef);
  const view = computeWindow(hits.length, ROW_HEIGHT, scrollTop, viewport);
  const selectedSet = useMemo(() => new Set(selected), [selected]);

  // Another query's results start at the top (the same query with more rows keeps its place).
  // The scroll position is the one onScroll reported: reading element.scrollTop here would force a
  // layout inside every commit of new results (bench:browser: ~2–10 ms per keystroke at 100k).
  useLayoutEffect(() => {
    const element = scrollRef.current;
    if (!element || scrollTop === 0) return;
    element.scrollTop = 0;
    setScrollTop(0);
  }, [query]);

  useEffect(() => {
    if (view.end >= hits.length - 20 && hits.length < total) onNeedMore();
  }, [view.end, hits.length, total, onNeedMore]);

  useEffect(() => {
    const element = scrollRef.current;
    if (!element || focusRequest === 0) return;
    const target = scrollToRow(activeIndex, ROW_HEIGHT, element.scrollTop, element.clientHeight);
    if (target !== null) element.scrollTop = target;
    // The row may render only after the scroll: focus it on the next frame.
    requestAnimationFrame(() => element.querySelector<HTMLElement>(`[data-row="${activeIndex}"]`)?.focus());
  }, [focusRequest, activeIndex]);

  return (
    <div ref={scrollRef} className="result-scroll" onScroll={(event) => setScrollTop(event.currentTarget.scrollTop)}>
      {hits.length === 0 ? (
        <p className="muted empty-results">No results.</p>
      ) : null}
      <ul role="list" aria-label="Results" data-query={query ?? undefined} className="result-list" style={{ height: view.totalHeight }}>
        {hits.slice(view.start, view.end).map((hit, k) => {
          const index = view.start + k;
          return (
            <ResultRow
              key={hit.id}
              hit={hit}
              index={index}
              total={total}
              top={index * ROW_HEIGHT}
              isActive={index === activeIndex}
              isOpen={hit.id === openId}
              isSelected={selectedSet.has(hit.id)}
              onOpen={onOpen}
              onSelect={onSelect}
            />
          );
        })}
      </ul>
    </div>
  );
});
