// The search the user left, kept in the mirror's uiState table and restored on the next start.
import type { AnnalsDb } from '../db/schema';
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

/** Loads the saved view, null when none. */
export async function loadView(db: AnnalsDb): Promise<SavedView | null> {
  return parseSavedView((await db.uiState.get(KEY))?.value);
}

/** Saves the view. */
export async function saveView(db: AnnalsDb, view: SavedView): Promise<void> {
  await db.uiState.put({ key: KEY, value: view });
}
