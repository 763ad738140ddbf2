// Text cleaning: line endings, HTML residue, odd whitespace, then page chrome. The result keeps one
// content line per line and at most one blank line between blocks, so segmentation sees structure.
import { hasTerminalPunctuation, isBoilerplateLine, isLinkLike, isRelatedBlockHeading } from './boilerplate';
import { decodeEntities } from './entities';
import { squeezeSpaces } from './spaces';

export { hasTerminalPunctuation, isBoilerplateLine } from './boilerplate';

const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\u200b\u200e\u200f\u2060\ufeff\u00ad]/g;
// Odd spaces become a plain space; the no-break space U+00A0 stays because anchors may contain it.
const ODD_SPACE = /[\t\u1680\u2000-\u200a\u202f\u205f\u3000]/g;
// Real tags (bounded length, so a stray "<" on a 5 MB line cannot make this scan quadratically).
const TAG = /<\/?[a-zA-Z][a-zA-Z0-9]{0,15}(?:\s[^<>]{0,300})?\/?>/g;
const COMMENT = /<!--[^]{0,2000}?-->/g;
// Broken residue of tags scraped as text: a lone `p>`, a trailing ` p>`, `br>`, `/p>`, `<p`.
const RESIDUE = /(^|[\s\u00a0])(?:<|&lt;)?\/?(?:p|br|div|span|b|i|u|em|strong|li|ul|ol|h[1-6]|tr|td|th|table|tbody)\s*\/?(?:>|&gt;)(?=[\s\u00a0]|$)/giu;

/**
 * Cleans one line: entities, tags and tag residue, odd spaces; trimmed. Repeated until stable (at
 * most three passes): removing `<br>` from `<A b<br>p>` leaves `<A b p>`, itself tag-shaped.
 */
export function cleanLine(line: string): string {
  let out = cleanLineOnce(line);
  for (let pass = 1; pass < 3; pass += 1) {
    const again = cleanLineOnce(out);
    if (again === out) break;
    out = again;
  }
  return out;
}

// Tags and comments need a "<", residue a ">" or "&gt;": most lines have neither, and RESIDUE,
// tried at every space of a paragraph, was the slowest step of cleaning.
const MAY_HOLD_RESIDUE = /[>&]/;

function cleanLineOnce(line: string): string {
  let out = line.replace(CONTROL, '');
  if (out.includes('<')) out = out.replace(COMMENT, ' ').replace(TAG, ' ');
  out = decodeEntities(out);
  if (MAY_HOLD_RESIDUE.test(out)) out = out.replace(RESIDUE, '$1').replace(RESIDUE, '$1');
  out = out.replace(ODD_SPACE, ' ').replace(/ {2,}/g, ' ');
  return out.trim(); // trim cuts exactly the characters of \s, U+00A0 included
}

/** Splits text into lines with any line-ending convention. */
export function splitLines(text: string): string[] {
  return text.replace(/\r\n?|\u2028|\u2029|\u0085/g, '\n').split('\n');
}

/**
 * Drops runs of three or more distinct menu-like lines (blank lines do not break a run). Navigation lines
 * count as members of a run, so a menu mixing "News" and "expert forum" goes as a whole.
 */
function dropLinkLists(lines: { text: string; isNav: boolean }[]): string[] {
  const keep = lines.map((line) => !line.isNav);
  let run: number[] = [];
  // A menu does not repeat its entries: a headline given twice around a view counter is no menu.
  const flush = (): void => {
    if (new Set(run.map((i) => lines[i]!.text)).size >= 3) for (const i of run) keep[i] = false;
    run = [];
  };
  lines.forEach((line, i) => {
    if (line.text.length === 0) return;
    if (line.isNav || isLinkLike(line.text)) run.push(i);
    else flush();
  });
  flush();
  return lines.filter((_, i) => keep[i]).map((line) => line.text);
}

const fold = (line: string): string => squeezeSpaces(line).trim().toLowerCase();

/**
 * A breadcrumb trail ending with the headline that the next line gives alone ("Домой Армения
 * <headline>", then "<headline>") is chrome. A date before the headline is not a trail: that is a
 * dated repeat (README §1), so a prefix with digits is left alone.
 */
function markBreadcrumbTitles(lines: { text: string; isNav: boolean }[]): void {
  let previous = -1;
  let previousFold = ''; // each line is folded once, as a title, and reused as the next one's trail
  lines.forEach((line, i) => {
    if (line.text.length === 0 || line.isNav) return;
    const before = lines[previous];
    const trail = previousFold;
    const title = fold(line.text);
    previous = i;
    previousFold = title;
    if (!before) return;
    if (trail.length <= title.length || !trail.endsWith(` ${title}`) || title.split(' ').length < 3) return;
    const crumbs = trail.slice(0, trail.length - title.length).trim();
    if (crumbs.length <= 40 && crumbs.split(' ').length <= 4 && !/[\d.!?:]/u.test(crumbs)) before.isNav = true;
  });
}

/** Cuts an "Other materials" block; when it comes before any content, only its heading goes. */
function dropRelatedBlocks(lines: string[]): string[] {
  let hasContent = false;
  const out: string[] = [];
  for (const line of lines) {
    if (isRelatedBlockHeading(line)) {
      if (hasContent) break;
      continue;
    }
    if (line.length > 50 && hasTerminalPunctuation(line)) hasContent = true;
    out.push(line);
  }
  return out;
}

/** Collapses blank-line runs to one blank line and trims blank lines at both ends. */
function squeezeBlankLines(lines: string[]): string[] {
  const out: string[] = [];
  for (const line of lines) {
    if (line.length === 0 && (out.length === 0 || out[out.length - 1] === '')) continue;
    out.push(line);
  }
  while (out.length > 0 && out[out.length - 1] === '') out.pop();
  return out;
}

/**
 * Cleans a page's text: normalises line endings and whitespace, removes HTML residue and
 * entities, drops navigation, banners, credits, footers, link lists and "other materials" blocks.
 * A line that held only residue disappears without leaving a blank line behind.
 */
export function cleanText(text: string): string {
  const lines: { text: string; isNav: boolean }[] = [];
  for (const raw of splitLines(text)) {
    const line = cleanLine(raw);
    if (line.length === 0 && raw.trim().length > 0) continue; // residue-only line
    lines.push({ text: line, isNav: line.length > 0 && isBoilerplateLine(line) });
  }
  markBreadcrumbTitles(lines);
  return squeezeBlankLines(dropRelatedBlocks(dropLinkLists(lines))).join('\n');
}
