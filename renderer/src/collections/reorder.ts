// Reordering a collection's entries, by drag or by the move buttons.

/** Moves the element at `from` to index `to` (clamped); answers a new array. */
export function moveEntry<T>(list: readonly T[], from: number, to: number): T[] {
  if (from < 0 || from >= list.length) return [...list];
  const next = [...list];
  const [moved] = next.splice(from, 1);
  next.splice(Math.max(0, Math.min(next.length, to)), 0, moved as T);
  return next;
}
