// Finds states, organs and people: each entry's first match that no exclusion phrase covers.
import { hasPresentNeedle, listNeedleStarts, type NeedleScan } from './needle-index';
import type { CompiledEntry } from './types';
import { matchAliases, matchWords } from './word-match';

/** A label with the offset of its first mention. */
export interface Mention {
  label: string;
  index: number;
}

function listSpans(text: string, pattern: RegExp | null): [number, number][] {
  if (!pattern) return [];
  return [...matchWords(text, pattern)].map((m) => [m.index, m.index + m[0].length]);
}

/**
 * The offset of the first match no exclusion span covers, or Infinity. The spans are listed only
 * when there is a match to check (most entries that pass the prefilter have none); `spans` keeps
 * them for the entry's second pattern.
 */
function findFirst(
  text: string,
  pattern: RegExp | null,
  starts: readonly number[] | null,
  not: RegExp | null,
  spans: { list?: [number, number][] },
): number {
  if (!pattern) return Infinity;
  for (const m of matchAliases(text, pattern, starts)) {
    const end = m.index + m[0].length;
    spans.list ??= listSpans(text, not);
    if (!spans.list.some(([from, to]) => from <= m.index && end <= to)) return m.index;
  }
  return Infinity;
}

/**
 * Returns every entry mentioned in the text with the offset of its first mention. `scan` (the
 * needles of the text, with their offsets) lets entries whose needles are absent skip their regexes
 * and the others try them only where a needle starts.
 */
export function findNameMentions(text: string, entries: CompiledEntry[], scan: NeedleScan): Mention[] {
  const mentions: Mention[] = [];
  for (const entry of entries) {
    if (!hasPresentNeedle(scan, entry.needles)) continue;
    const starts = listNeedleStarts(scan, entry.needles);
    const spans = {};
    const index = Math.min(
      findFirst(text, entry.insensitive, starts, entry.not, spans),
      findFirst(text, entry.sensitive, starts, entry.not, spans),
    );
    if (index !== Infinity) mentions.push({ label: entry.label, index });
  }
  return mentions;
}

/** Orders mentions by first occurrence and keeps each label once. */
export function orderLabels(mentions: Mention[]): string[] {
  const seen = new Set<string>();
  const labels: string[] = [];
  for (const { label } of [...mentions].sort((a, b) => a.index - b.index)) {
    if (seen.has(label)) continue;
    seen.add(label);
    labels.push(label);
  }
  return labels;
}
