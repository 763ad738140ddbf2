// The search the user left, kept in the mirror's UI state and restored on the next start.
import type { FacetFilter, FilterKey, MonthRange } from '../search/compose-query';
import type { SortChoice, WorkspaceState } from './workspace-state';

export interface SavedView {
  text: string;
  filters: FacetFilter[];
  range: MonthRange | null;
  sort: SortChoice;
}

const KEY = 'view';
const FILTER_KEYS: readonly FilterKey[] = ['state', 'organ', 'exercise', 'person', 'year'];
const MONTH = /^\d{4}-\d{2}$/;

/** The part of the workspace worth keeping. */
export function toSavedView(ws: WorkspaceState): SavedView {
  return { text: ws.text, filters: ws.filters, range: ws.range, sort: ws.sort };
}

/** Reads a stored view defensively: anything malformed is dropped, never trusted. */
export function parseSavedView(value: unknown): SavedView | null {
  if (typeof value !== 'object' || value === null) return null;
  const v = value as Record<string, unknown>;
  const filters = Array.isArray(v.filters)
    ? v.filters.filter((f): f is FacetFilter => typeof f?.value === 'string' && FILTER_KEYS.includes(f?.key))
    : [];
  const r = v.range as Record<string, unknown> | null | undefined;
  const range = r && typeof r.from === 'string' && typeof r.to === 'string' && MONTH.test(r.from) && MONTH.test(r.to) ? { from: r.from, to: r.to } : null;
  return { text: typeof v.text === 'string' ? v.text : '', filters, range, sort: v.sort === 'date' ? 'date' : 'relevance' };
}

/** Where views are kept (the mirror controller: the offline cache, or memory while it is off). */
export interface UiStateStore {
  readUiState(key: string): Promise<unknown>;
  writeUiState(key: string, value: unknown): Promise<void>;
}

/** Loads the saved view, null when none. */
export async function loadView(store: UiStateStore): Promise<SavedView | null> {
  return parseSavedView(await store.readUiState(KEY));
}

/** Saves the view. */
export async function saveView(store: UiStateStore, view: SavedView): Promise<void> {
  await store.writeUiState(KEY, view);
}
