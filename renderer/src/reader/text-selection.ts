// Where the user's text selection stands in the item's text (the container shows the text verbatim).

/** The [start, end) offsets of the selection inside `container`, or null when it is elsewhere or empty. */
export function readSelectionOffsets(container: HTMLElement, selection: Selection | null): [number, number] | null {
  if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return null;
  const range = selection.getRangeAt(0);
  if (!container.contains(range.startContainer) || !container.contains(range.endContainer)) return null;
  const before = document.createRange();
  before.setStart(container, 0);
  before.setEnd(range.startContainer, range.startOffset);
  const start = before.toString().length;
  const end = start + range.toString().length;
  return end > start ? [start, end] : null;
}
