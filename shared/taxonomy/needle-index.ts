// The needle prefilter in one pass: which of all the taxonomy's needles a lower-cased text contains,
// and where. Asking `includes` once per needle scanned the text ~200 times per item; one combined
// regex finds every offset where some needle starts, and only the needles sharing that first unit
// are checked there.

/** All needles of a taxonomy, ready for one scan of a text. */
export interface NeedleIndex {
  /** Any needle, as code units (no `u` flag, so offsets and matches are those of `includes`). */
  scan: RegExp | null;
  /** Needles by their first code unit. */
  byFirstUnit: Map<string, string[]>;
  /** True when every alias is written in ALIGNED_TEXT characters (see isAlignedText). */
  isAligned: boolean;
}

/** What one scan of a text tells every matcher. */
export interface NeedleScan {
  /** The needles the lower-cased text contains, each with every offset where it starts. */
  present: ReadonlyMap<string, readonly number[]>;
  /**
   * True when an alias can match only where one of its needles starts: the text and the aliases
   * are aligned text, so lower-casing keeps offsets and agrees with the regexes' `i` flag.
   */
  isAligned: boolean;
}

// Latin, Cyrillic, punctuation, symbols: characters that lower-case to one code unit, without
// context, and that the `iu` flags make equal exactly when they lower-case alike (needle-index.test.ts
// checks every pair). Left out on purpose: ſ (matches s), İ (lower-cases to two units), µ, Greek
// (final sigma), the letterlike block (Kelvin sign), Cyrillic Extended-C (ᲀ matches в), astral planes.
const NOT_ALIGNED = /[^\u0000-\u00b4\u00b6-\u012f\u0131-\u017e\u0180-\u024f\u02b0-\u02ff\u0400-\u052f\u2000-\u20cf\u2116\u2122\u2190-\u2bff\u3000-\u303f]/;

/** True when every character of the text is in the aligned set (see NOT_ALIGNED). */
export function isAlignedText(text: string): boolean {
  return !NOT_ALIGNED.test(text);
}

function escapeNeedle(needle: string): string {
  return needle.replace(/[\\^$.*+?()[\]{}|/]/g, '\\$&');
}

/** Builds the index of every needle in the lists (a null list has none); `aliases` decide `isAligned`. */
export function buildNeedleIndex(lists: (string[] | null)[], aliases: string[] = []): NeedleIndex {
  const needles = [...new Set(lists.flatMap((list) => list ?? []))];
  const byFirstUnit = new Map<string, string[]>();
  for (const needle of needles) {
    const first = needle.charAt(0);
    byFirstUnit.set(first, [...(byFirstUnit.get(first) ?? []), needle]);
  }
  const scan = needles.length === 0 ? null : new RegExp(needles.map(escapeNeedle).join('|'), 'g');
  return { scan, byFirstUnit, isAligned: aliases.every(isAlignedText) };
}

/**
 * Scans a text (ё already folded) for the index's needles. `present` holds exactly the needles
 * for which `text.toLowerCase().includes(needle)` holds, with all their offsets, overlaps included.
 */
export function scanNeedles(text: string, index: NeedleIndex): NeedleScan {
  const lowerText = text.toLowerCase();
  const present = new Map<string, number[]>();
  const scan = index.scan;
  if (scan !== null) scan.lastIndex = 0;
  for (let m = scan?.exec(lowerText) ?? null; m !== null; m = scan!.exec(lowerText)) {
    for (const needle of index.byFirstUnit.get(lowerText.charAt(m.index)) ?? []) {
      if (!lowerText.startsWith(needle, m.index)) continue;
      const starts = present.get(needle);
      if (starts) starts.push(m.index);
      else present.set(needle, [m.index]);
    }
    scan!.lastIndex = m.index + 1; // the next offset may start another, overlapping needle
  }
  return { present, isAligned: index.isAligned && isAlignedText(text) };
}

/** True when an entry may match: it has no needles (always runs), or one of them is present. */
export function hasPresentNeedle(scan: NeedleScan, needles: string[] | null): boolean {
  return needles === null || needles.some((needle) => scan.present.has(needle));
}

/**
 * The offsets where an entry's matches can start, ascending, or null when any offset can (the text
 * is not aligned, or an alias has no needle).
 */
export function listNeedleStarts(scan: NeedleScan, needles: string[] | null): readonly number[] | null {
  if (!scan.isAligned || needles === null) return null;
  const lists = needles.map((needle) => scan.present.get(needle)).filter((starts) => starts !== undefined);
  if (lists.length === 1) return lists[0]!; // the usual case, already ascending
  return [...new Set(lists.flat())].sort((a, b) => a - b);
}
