// Whole-word matching with the start boundary checked in code. A pattern that opens with the
// lookbehind `(?<![\p{L}\p{N}])` is tried by the regex engine at every position of the text (the
// lookbehind defeats its quick scan for a first letter): the alias regexes were a third of a page's
// parse time. Without it the engine skips ahead to where an alias can begin, and the boundary is
// tested only there — the same matches, three to four times faster.

const WORD_BEFORE = /[\p{L}\p{N}]$/u;

/** True when the code point just before `index` is a letter or digit (what `BEFORE_WORD` forbids). */
export function isWordBefore(text: string, index: number): boolean {
  // Two units, so that a letter outside the BMP (a surrogate pair) is read whole.
  return index > 0 && WORD_BEFORE.test(text.slice(Math.max(0, index - 2), index));
}

/** The index after the code point at `index` (a `u`-flag regex never starts inside a surrogate pair). */
function advanceIndex(text: string, index: number): number {
  const code = text.charCodeAt(index);
  const next = text.charCodeAt(index + 1);
  return code >= 0xd800 && code <= 0xdbff && next >= 0xdc00 && next <= 0xdfff ? index + 2 : index + 1;
}

/**
 * The matches of `pattern` (global, `u`, without a leading word boundary) that no letter or digit
 * precedes, in order and without overlaps: exactly what `text.matchAll` gives for the pattern with
 * `BEFORE_WORD` put in front of it.
 */
export function* matchWords(text: string, pattern: RegExp): Generator<RegExpExecArray> {
  let position = 0;
  while (position <= text.length) {
    pattern.lastIndex = position; // set on every step: another search may have used the regex meanwhile
    const m = pattern.exec(text);
    if (m === null) return;
    if (isWordBefore(text, m.index)) {
      position = advanceIndex(text, m.index);
      continue;
    }
    const end = m.index + m[0].length;
    position = end === m.index ? advanceIndex(text, end) : end;
    yield m;
  }
}

// Sticky copies of the patterns, to try one offset without searching on from it.
const stickyCopies = new WeakMap<RegExp, RegExp>();

function stickyOf(pattern: RegExp): RegExp {
  let sticky = stickyCopies.get(pattern);
  if (!sticky) {
    sticky = new RegExp(pattern.source, `${pattern.flags}y`);
    stickyCopies.set(pattern, sticky);
  }
  return sticky;
}

/**
 * What `matchWords` gives when every match must start at one of `starts` (ascending): the pattern is
 * tried at those offsets only. The caller guarantees that no match starts elsewhere.
 */
export function* matchWordsAt(text: string, pattern: RegExp, starts: readonly number[]): Generator<RegExpExecArray> {
  const sticky = stickyOf(pattern);
  let position = 0;
  for (const start of starts) {
    if (start < position || isWordBefore(text, start)) continue;
    sticky.lastIndex = start;
    const m = sticky.exec(text);
    if (m === null) continue;
    const end = m.index + m[0].length;
    position = end === m.index ? advanceIndex(text, end) : end;
    yield m;
  }
}

/** The whole-word matches of an alias pattern, tried only at its needles' offsets when that is safe. */
export function matchAliases(text: string, pattern: RegExp, starts: readonly number[] | null): Iterable<RegExpExecArray> {
  return starts === null ? matchWords(text, pattern) : matchWordsAt(text, pattern, starts);
}
