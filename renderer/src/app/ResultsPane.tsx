// The middle column below the search box: timeline, bulk actions and the result list.
import { useCallback, useState } from 'react';
import type { Dispatch } from 'react';
import { isApiCallError } from '../api';
import type { SearchResult } from '../../../shared/search/index';
import type { MonthRange } from '../search/compose-query';
import { updateItems } from '../reader/mutations';
import { BulkBar } from '../results/BulkBar';
import { ResultList } from '../results/ResultList';
import { Timeline } from '../timeline/Timeline';
import type { WorkspaceAction, WorkspaceState } from './workspace-state';

interface Props {
  ws: WorkspaceState;
  dispatch: Dispatch<WorkspaceAction>;
  result: SearchResult | null;
  /** The timeline's months: those of `result`, or of the result before it until the deferred render catches up. */
  months: readonly { month: string; count: number }[];
  /** The query `result` answers. */
  resultQuery: string | null;
  focusRequest: number;
  onOpen: (index: number) => void;
  onSelect: (id: string, mode: 'toggle' | 'range') => void;
  onNeedMore: () => void;
}

const NO_HITS: SearchResult['hits'] = [];

/** Timeline, bulk bar and results of the current search. */
export function ResultsPane({ ws, dispatch, result, months, resultQuery, focusRequest, onOpen, onSelect, onNeedMore }: Props) {
  const ids = ws.selected;
  const [error, setError] = useState<string | null>(null);
  // Stable, so the memoised timeline skips the renders of keystrokes whose results are not in yet.
  const setRange = useCallback((range: MonthRange | null) => dispatch({ type: 'set-range', range }), [dispatch]);
  const setStatus = (status: Parameters<typeof updateItems>[1]['status']) => {
    setError(null);
    updateItems(ids, { status }).catch((caught: unknown) => setError(`Status not changed: ${isApiCallError(caught) ? caught.message : String(caught)}`));
  };
  return (
    <>
      <Timeline months={months} range={ws.range} onRange={setRange} />
      <BulkBar
        count={ids.length}
        onTag={() => dispatch({ type: 'open-dialog', dialog: { kind: 'bulk-tag', ids, mode: 'add' } })}
        onUntag={() => dispatch({ type: 'open-dialog', dialog: { kind: 'bulk-tag', ids, mode: 'remove' } })}
        onCollect={() => dispatch({ type: 'open-dialog', dialog: { kind: 'add-to-collection', ids } })}
        onStatus={setStatus}
        onClear={() => dispatch({ type: 'clear-selection' })}
      />
      {error && <p role="alert" className="field-error">{error}</p>}
      <ResultList
        hits={result?.hits ?? NO_HITS}
        query={resultQuery}
        total={result?.total ?? 0}
        activeIndex={ws.activeIndex}
        openId={ws.openItemId}
        selected={ids}
        focusRequest={focusRequest}
        onOpen={onOpen}
        onSelect={onSelect}
        onNeedMore={onNeedMore}
      />
    </>
  );
}
