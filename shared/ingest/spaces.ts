// Whitespace and edge helpers for the cleaning and segmentation steps, written for long lines: a
// regex ending in `…+$` or replacing every single space was tried at each character of every
// paragraph, several times per line — a third of a page's parse time went into such passes.

// A whitespace run that is not already one plain space: two or more characters, or one other than " ".
const SPACE_RUN_TO_SQUEEZE = /[\s\u00a0]{2,}|[^\S ]/g;

/**
 * Replaces every run of whitespace (no-break spaces included) with one space: what
 * `text.replace(/[\s\u00a0]+/gu, ' ')` gives, without rewriting the single spaces between words.
 */
export function squeezeSpaces(text: string): string {
  return text.replace(SPACE_RUN_TO_SQUEEZE, ' ');
}

/**
 * Cuts the leading characters that `leading` matches and then the trailing ones that `trailing`
 * matches (each a regex for one character): what `text.replace(/^[A]+|[B]+$/g, '')` gives for
 * classes A and B of BMP characters, in time proportional to what is cut.
 */
export function stripEdges(text: string, leading: RegExp, trailing: RegExp): string {
  let start = 0;
  while (start < text.length && leading.test(text.charAt(start))) start += 1;
  let end = text.length;
  while (end > start && trailing.test(text.charAt(end - 1))) end -= 1;
  return start === 0 && end === text.length ? text : text.slice(start, end);
}
