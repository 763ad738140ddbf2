// Text with marked ranges → plain segments, so matches render as text nodes and <mark>, never HTML.

export interface TextSegment {
  text: string;
  isMarked: boolean;
  /** Index of the range that marked this segment (e.g. the highlight), or -1. */
  range: number;
}

/**
 * Splits `text` at the given [start, end) ranges. Ranges are clipped to the text; overlapping or
 * empty ranges are dropped after the first one that claims a character, so output never repeats text.
 */
export function splitByRanges(text: string, ranges: readonly (readonly [number, number])[]): TextSegment[] {
  const ordered = ranges
    .map(([start, end], range) => ({ start: Math.max(0, start), end: Math.min(text.length, end), range }))
    .filter((r) => r.end > r.start)
    .sort((a, b) => a.start - b.start || a.range - b.range);
  const segments: TextSegment[] = [];
  let cursor = 0;
  for (const r of ordered) {
    if (r.start < cursor) continue;
    if (r.start > cursor) segments.push({ text: text.slice(cursor, r.start), isMarked: false, range: -1 });
    segments.push({ text: text.slice(r.start, r.end), isMarked: true, range: r.range });
    cursor = r.end;
  }
  if (cursor < text.length || segments.length === 0) segments.push({ text: text.slice(cursor), isMarked: false, range: -1 });
  return segments;
}

/**
 * Where a curator's highlight stands in the text: at its offset when the quote is still there,
 * else at the occurrence of the quote nearest to it (the text may have been edited), else nowhere.
 */
export function locateHighlight(text: string, quote: string, start: number): [number, number] | null {
  if (quote === '') return null;
  if (text.startsWith(quote, start)) return [start, start + quote.length];
  let best = -1;
  for (let at = text.indexOf(quote); at !== -1; at = text.indexOf(quote, at + 1)) {
    if (best === -1 || Math.abs(at - start) < Math.abs(best - start)) best = at;
  }
  return best === -1 ? null : [best, best + quote.length];
}

/** Ranges of every highlight, in the highlights' order (null ranges become empty ones). */
export function highlightRanges(text: string, highlights: readonly { quote: string; start: number }[]): [number, number][] {
  return highlights.map((h) => locateHighlight(text, h.quote, h.start) ?? [0, 0]);
}
