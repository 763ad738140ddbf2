// Listens for the global shortcuts and hands each command to the app.
import { useEffect, useRef } from 'react';
import { matchShortcut } from './shortcuts';
import type { ShortcutCommand } from './shortcuts';

const TEXT_INPUTS = new Set(['text', 'search', 'email', 'url', 'number', 'password', 'tel', 'date', 'month']);

function isTypingIn(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable || target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  return target instanceof HTMLInputElement && TEXT_INPUTS.has(target.type);
}

/** Calls `onCommand` for shortcut keys; it answers true when it used the key (default prevented). */
export function useShortcuts(onCommand: (command: ShortcutCommand, event: KeyboardEvent) => boolean): void {
  const handler = useRef(onCommand);
  handler.current = onCommand;
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented) return;
      const target = event.target instanceof HTMLElement ? event.target : null;
      const command = matchShortcut({
        key: event.key,
        ctrlKey: event.ctrlKey,
        metaKey: event.metaKey,
        altKey: event.altKey,
        isTyping: isTypingIn(event.target),
        isInResults: Boolean(target?.closest('.result-list')),
      });
      if (command && handler.current(command, event)) event.preventDefault();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);
}
