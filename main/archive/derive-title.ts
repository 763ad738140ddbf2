// A display title for an item whose page gave it none: the first sentence, cut at a word boundary.
import { isWireOpening } from '../../shared/ingest/dates';

export const DERIVED_TITLE_MAX = 100;

/** The item's first sentence when it is short enough, else its opening cut at a word boundary with "…". */
export function deriveTitle(text: string, max = DERIVED_TITLE_MAX): string {
  const flat = stripWireDateline(text.replace(/\s+/gu, ' ').trim());
  if (!flat) return 'Untitled';
  const sentence = /^.{20,}?[.!?…](?=\s|$)/u.exec(flat)?.[0] ?? flat;
  const chars = [...sentence];
  if (chars.length <= max) return sentence.replace(/\.$/, '') || 'Untitled';
  const head = chars.slice(0, max).join('');
  const space = head.lastIndexOf(' ');
  const cut = space > max / 2 ? head.slice(0, space) : head;
  return `${cut.replace(/[\s,;:–—-]+$/u, '')}…`;
}

// "МОСКВА, 6 июня. /ТАСС/. Секретарь…", "MINSK, 21 Aug — Sputnik. The series…": a dateline says where
// and when, not what; a title made of it tells the curator nothing.
const DATELINE_END = /(?:\s[-–—]\s|\/\s*\.?\s)/gu;
const LONE_AGENCY = /^[\p{Lu}][\p{L}-]{1,20}\.\s(?=[\p{Lu}«"“])/u;

function stripWireDateline(flat: string): string {
  if (!isWireOpening(flat)) return flat;
  const head = flat.slice(0, 100);
  let end = -1;
  for (const match of head.matchAll(DATELINE_END)) end = match.index + match[0].length;
  if (end < 0) return flat;
  const rest = flat.slice(end).replace(LONE_AGENCY, '');
  return rest.length >= 20 ? rest : flat;
}
