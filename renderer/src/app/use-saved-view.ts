// Restores the last search on start and keeps saving it (debounced) while the user works.
import { useEffect, useRef } from 'react';
import type { Dispatch } from 'react';
import { loadView, saveView, toSavedView } from './saved-view';
import { getServices } from './services';
import type { WorkspaceAction, WorkspaceState } from './workspace-state';

const SAVE_DELAY_MS = 500;

/** Persists the workspace's search in the mirror's uiState. */
export function useSavedView(ws: WorkspaceState, dispatch: Dispatch<WorkspaceAction>): void {
  const isRestored = useRef(false);
  const latest = useRef(ws);
  latest.current = ws;
  useEffect(() => {
    loadView(getServices().mirror)
      .then((view) => {
        // A search started before the stored view arrived wins over it.
        const now = latest.current;
        const isUntouched = now.text === '' && now.filters.length === 0 && now.range === null;
        if (view && isUntouched) dispatch({ type: 'restore', view });
      })
      .catch((caught: unknown) => console.error('could not restore the last search', caught))
      .finally(() => (isRestored.current = true));
  }, [dispatch]);

  const view = toSavedView(ws);
  const key = JSON.stringify(view);
  useEffect(() => {
    if (!isRestored.current) return;
    const timer = setTimeout(() => void saveView(getServices().mirror, view).catch(() => undefined), SAVE_DELAY_MS);
    return () => clearTimeout(timer);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);
}
