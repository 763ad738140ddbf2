import { describe, expect, it } from 'vitest';
import { initialWorkspace, reduceWorkspace } from './workspace-state';
import type { WorkspaceState } from './workspace-state';

const ids = ['a', 'b', 'c', 'd', 'e'];

describe('reduceWorkspace', () => {
  it('keeps the active row inside the result list', () => {
    let state: WorkspaceState = initialWorkspace;
    state = reduceWorkspace(state, { type: 'move-active', delta: -1, count: 5 });
    expect(state.activeIndex).toBe(0);
    state = reduceWorkspace(state, { type: 'move-active', delta: 9, count: 5 });
    expect(state.activeIndex).toBe(4);
  });

  it('returns to the top of the list when the query changes', () => {
    const moved = { ...initialWorkspace, activeIndex: 3, openCollection: 'x' };
    const next = reduceWorkspace(moved, { type: 'set-text', text: 'summit' });
    expect(next).toMatchObject({ text: 'summit', activeIndex: 0, openCollection: null });
  });

  it('toggles a row with ctrl-click and extends from the anchor with shift-click', () => {
    let state = reduceWorkspace(initialWorkspace, { type: 'select', id: 'b', mode: 'toggle', orderedIds: ids });
    state = reduceWorkspace(state, { type: 'select', id: 'd', mode: 'range', orderedIds: ids });
    expect(state.selected).toEqual(['b', 'c', 'd']);
    state = reduceWorkspace(state, { type: 'select', id: 'c', mode: 'toggle', orderedIds: ids });
    expect(state.selected).toEqual(['b', 'd']);
  });

  it('treats a shift-click without an anchor as a toggle', () => {
    const state = reduceWorkspace(initialWorkspace, { type: 'select', id: 'e', mode: 'range', orderedIds: ids });
    expect(state.selected).toEqual(['e']);
  });

  it('toggles a facet filter on and off', () => {
    const filter = { key: 'state' as const, value: 'Armenia' };
    const on = reduceWorkspace(initialWorkspace, { type: 'toggle-filter', filter });
    expect(on.filters).toEqual([filter]);
    expect(reduceWorkspace(on, { type: 'toggle-filter', filter }).filters).toEqual([]);
  });
});
