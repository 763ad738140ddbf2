// Global keyboard shortcuts: a key event → a command, decided purely so it can be tested.

export type ShortcutCommand =
  | 'focus-search'
  | 'next'
  | 'previous'
  | 'open'
  | 'tag'
  | 'note'
  | 'collect'
  | 'star'
  | 'close';

export interface KeyInput {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  /** True when focus is in a text field, where letters are typing, not commands. */
  isTyping: boolean;
  /** True when focus is in the result list (↑/↓/Enter belong to it). */
  isInResults: boolean;
}

const LETTERS: Record<string, ShortcutCommand> = { '/': 'focus-search', t: 'tag', n: 'note', c: 'collect', s: 'star' };

/** The command for a key press, or null to let the browser handle it. */
export function matchShortcut(input: KeyInput): ShortcutCommand | null {
  if (input.ctrlKey || input.metaKey || input.altKey) return null;
  if (input.key === 'Escape') return 'close';
  if (input.isTyping) return null;
  if (input.key === 'ArrowDown') return 'next';
  if (input.key === 'ArrowUp') return 'previous';
  if (input.key === 'Enter') return input.isInResults ? 'open' : null;
  return LETTERS[input.key] ?? null;
}
