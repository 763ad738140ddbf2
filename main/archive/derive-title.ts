// A display title for an item whose page gave it none: the first sentence, cut at a word boundary.

export const DERIVED_TITLE_MAX = 100;

/** The item's first sentence when it is short enough, else its opening cut at a word boundary with "…". */
export function deriveTitle(text: string, max = DERIVED_TITLE_MAX): string {
  const flat = text.replace(/\s+/gu, ' ').trim();
  if (!flat) return 'Untitled';
  const sentence = /^.{20,}?[.!?…](?=\s|$)/u.exec(flat)?.[0] ?? flat;
  const chars = [...sentence];
  if (chars.length <= max) return sentence.replace(/\.$/, '');
  const head = chars.slice(0, max).join('');
  const space = head.lastIndexOf(' ');
  const cut = space > max / 2 ? head.slice(0, space) : head;
  return `${cut.replace(/[\s,;:–—-]+$/u, '')}…`;
}
