// Which rows of a fixed-height list are on screen (plus some overscan): the list renders only these.

export interface VirtualWindow {
  start: number;
  end: number;
  /** Offset of the first rendered row, in pixels. */
  offset: number;
  totalHeight: number;
}

/** Rows [start, end) to render for a viewport scrolled to `scrollTop`. */
export function computeWindow(count: number, rowHeight: number, scrollTop: number, viewport: number, overscan = 5): VirtualWindow {
  const first = Math.floor(Math.max(0, scrollTop) / rowHeight);
  const visible = Math.ceil(Math.max(viewport, rowHeight) / rowHeight) + 1;
  const start = Math.max(0, Math.min(count, first) - overscan);
  const end = Math.min(count, first + visible + overscan);
  return { start, end, offset: start * rowHeight, totalHeight: count * rowHeight };
}

/** The scrollTop that brings row `index` into view, or null when it already is. */
export function scrollToRow(index: number, rowHeight: number, scrollTop: number, viewport: number): number | null {
  const top = index * rowHeight;
  if (top < scrollTop) return top;
  if (top + rowHeight > scrollTop + viewport) return top + rowHeight - viewport;
  return null;
}
