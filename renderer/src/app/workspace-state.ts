// The workspace's UI state as a pure reducer: what is searched, selected, open and shown.
import type { FacetFilter, MonthRange } from '../search/compose-query';
import { toggleFilter } from '../search/compose-query';

export type SortChoice = 'relevance' | 'date';

export type DialogState =
  | { kind: 'export'; source: { collection: string } | { query: string }; title: string }
  | { kind: 'import' }
  | { kind: 'taxonomy' }
  | { kind: 'add-to-collection'; ids: string[] }
  | { kind: 'bulk-tag'; ids: string[]; mode: 'add' | 'remove' };

export interface WorkspaceState {
  text: string;
  filters: FacetFilter[];
  range: MonthRange | null;
  sort: SortChoice;
  /** Index of the keyboard-active result row. */
  activeIndex: number;
  openItemId: string | null;
  /** Bulk selection: ids in the order they were selected. */
  selected: string[];
  /** Last row clicked, where a shift-click range starts. */
  anchorId: string | null;
  openCollection: string | null;
  dialog: DialogState | null;
}

export type WorkspaceAction =
  | { type: 'restore'; view: Pick<WorkspaceState, 'text' | 'filters' | 'range' | 'sort'> }
  | { type: 'set-text'; text: string }
  | { type: 'toggle-filter'; filter: FacetFilter }
  | { type: 'clear-filters' }
  | { type: 'set-range'; range: MonthRange | null }
  | { type: 'set-sort'; sort: SortChoice }
  | { type: 'move-active'; delta: number; count: number }
  | { type: 'set-active'; index: number }
  | { type: 'open-item'; id: string | null }
  | { type: 'select'; id: string; mode: 'toggle' | 'range'; orderedIds: readonly string[] }
  | { type: 'clear-selection' }
  | { type: 'open-collection'; slug: string | null }
  | { type: 'open-dialog'; dialog: DialogState }
  | { type: 'close-dialog' };

export const initialWorkspace: WorkspaceState = {
  text: '',
  filters: [],
  range: null,
  sort: 'relevance',
  activeIndex: 0,
  openItemId: null,
  selected: [],
  anchorId: null,
  openCollection: null,
  dialog: null,
};

function clamp(value: number, count: number): number {
  return Math.max(0, Math.min(count - 1, value));
}

function selectRow(state: WorkspaceState, id: string, mode: 'toggle' | 'range', ordered: readonly string[]): WorkspaceState {
  if (mode === 'toggle' || state.anchorId === null) {
    const selected = state.selected.includes(id) ? state.selected.filter((s) => s !== id) : [...state.selected, id];
    return { ...state, selected, anchorId: id };
  }
  const from = ordered.indexOf(state.anchorId);
  const to = ordered.indexOf(id);
  if (from === -1 || to === -1) return { ...state, selected: [...new Set([...state.selected, id])], anchorId: id };
  const span = ordered.slice(Math.min(from, to), Math.max(from, to) + 1);
  return { ...state, selected: [...new Set([...state.selected, ...span])] };
}

// A new query starts at the top of a new result list: the keyboard position resets with it.
function withNewQuery(state: WorkspaceState, patch: Partial<WorkspaceState>): WorkspaceState {
  return { ...state, ...patch, activeIndex: 0, openCollection: null };
}

/** The workspace reducer. */
export function reduceWorkspace(state: WorkspaceState, action: WorkspaceAction): WorkspaceState {
  switch (action.type) {
    case 'restore':
      return withNewQuery(state, action.view);
    case 'set-text':
      return withNewQuery(state, { text: action.text });
    case 'toggle-filter':
      return withNewQuery(state, { filters: toggleFilter(state.filters, action.filter) });
    case 'clear-filters':
      return withNewQuery(state, { filters: [], range: null });
    case 'set-range':
      return withNewQuery(state, { range: action.range });
    case 'set-sort':
      return { ...state, sort: action.sort, activeIndex: 0 };
    case 'move-active':
      return action.count === 0 ? state : { ...state, activeIndex: clamp(state.activeIndex + action.delta, action.count) };
    case 'set-active':
      return { ...state, activeIndex: Math.max(0, action.index) };
    case 'open-item':
      return { ...state, openItemId: action.id };
    case 'select':
      return selectRow(state, action.id, action.mode, action.orderedIds);
    case 'clear-selection':
      return { ...state, selected: [], anchorId: null };
    case 'open-collection':
      return { ...state, openCollection: action.slug };
    case 'open-dialog':
      return { ...state, dialog: action.dialog };
    case 'close-dialog':
      return { ...state, dialog: null };
  }
}
