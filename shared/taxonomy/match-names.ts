// Finds states, organs and people: each entry's first match that no exclusion phrase covers.
import { mayContain } from './alias-pattern';
import type { CompiledEntry } from './types';

/** A label with the offset of its first mention. */
export interface Mention {
  label: string;
  index: number;
}

function listSpans(text: string, pattern: RegExp | null): [number, number][] {
  if (!pattern) return [];
  return [...text.matchAll(pattern)].map((m) => [m.index, m.index + m[0].length]);
}

function findFirst(text: string, pattern: RegExp | null, excluded: [number, number][]): number {
  if (!pattern) return Infinity;
  for (const m of text.matchAll(pattern)) {
    const end = m.index + m[0].length;
    if (!excluded.some(([from, to]) => from <= m.index && end <= to)) return m.index;
  }
  return Infinity;
}

/**
 * Returns every entry mentioned in the text with the offset of its first mention. `lowerText` (the
 * text lower-cased) lets entries whose needles are absent skip their regexes.
 */
export function findNameMentions(text: string, entries: CompiledEntry[], lowerText = text.toLowerCase()): Mention[] {
  const mentions: Mention[] = [];
  for (const entry of entries) {
    if (!mayContain(lowerText, entry.needles)) continue;
    const excluded = listSpans(text, entry.not);
    const index = Math.min(findFirst(text, entry.insensitive, excluded), findFirst(text, entry.sensitive, excluded));
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
