// What the keyboard shortcuts and the native menu do, given the workspace.
import type { Dispatch, RefObject } from 'react';
import { useEffect, useRef } from 'react';
import type { SearchHit } from '../../../shared/search/index';
import { onApiEvent } from '../api';
import type { MenuAction } from '../api';
import type { ShortcutCommand } from '../keyboard/shortcuts';
import { useShortcuts } from '../keyboard/use-shortcuts';
import type { ReaderCommand } from '../reader/Reader';
import type { WorkspaceAction, WorkspaceState } from './workspace-state';

export interface CommandContext {
  ws: WorkspaceState;
  dispatch: Dispatch<WorkspaceAction>;
  hits: readonly SearchHit[];
  searchRef: RefObject<HTMLInputElement | null>;
  requestRowFocus: () => void;
  setReaderCommand: (command: ReaderCommand) => void;
  startImport: () => void;
  startExport: () => void;
}

function targetIds(ctx: CommandContext): string[] {
  if (ctx.ws.selected.length > 0) return ctx.ws.selected;
  const id = ctx.ws.openItemId ?? ctx.hits[ctx.ws.activeIndex]?.id;
  return id ? [id] : [];
}

function runReaderCommand(ctx: CommandContext, kind: 'tag' | 'note' | 'star'): boolean {
  const id = ctx.ws.openItemId ?? ctx.hits[ctx.ws.activeIndex]?.id;
  if (!id) return false;
  if (ctx.ws.openItemId !== id) ctx.dispatch({ type: 'open-item', id });
  ctx.setReaderCommand({ kind, itemId: id });
  return true;
}

function closeSomething(ctx: CommandContext): boolean {
  if (ctx.ws.openItemId) ctx.dispatch({ type: 'open-item', id: null });
  else if (ctx.ws.openCollection) ctx.dispatch({ type: 'open-collection', slug: null });
  else if (ctx.ws.selected.length) ctx.dispatch({ type: 'clear-selection' });
  else return false;
  return true;
}

/** Carries out one shortcut; true when it applied. */
export function runShortcut(ctx: CommandContext, command: ShortcutCommand): boolean {
  // An open dialog owns the keyboard (the native <dialog> handles Escape itself).
  if (ctx.ws.dialog || document.querySelector('dialog[open]')) return false;
  switch (command) {
    case 'focus-search':
      ctx.searchRef.current?.focus();
      ctx.searchRef.current?.select();
      return true;
    case 'next':
    case 'previous':
      if (ctx.ws.openCollection) return false;
      ctx.dispatch({ type: 'move-active', delta: command === 'next' ? 1 : -1, count: ctx.hits.length });
      ctx.requestRowFocus();
      return true;
    case 'open': {
      const hit = ctx.hits[ctx.ws.activeIndex];
      if (hit) ctx.dispatch({ type: 'open-item', id: hit.id });
      return Boolean(hit);
    }
    case 'tag':
    case 'note':
    case 'star':
      return runReaderCommand(ctx, command);
    case 'collect': {
      const ids = targetIds(ctx);
      if (ids.length) ctx.dispatch({ type: 'open-dialog', dialog: { kind: 'add-to-collection', ids } });
      return ids.length > 0;
    }
    case 'close':
      return closeSomething(ctx);
  }
}

function runMenu(ctx: CommandContext, action: MenuAction): void {
  // File → Import… is handled in main (its own dialog); the import panel follows that job's events.
  if (action === 'export') ctx.startExport();
  else if (action === 'focus-search') ctx.searchRef.current?.focus();
}

/** Wires the keyboard and the native menu to the workspace. */
export function useCommands(ctx: CommandContext): void {
  useShortcuts((command) => runShortcut(ctx, command));
  const latest = useRef(ctx);
  latest.current = ctx;
  useEffect(() => onApiEvent('menu', ({ action }) => runMenu(latest.current, action)), []);
}
