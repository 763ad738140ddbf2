// A small tolerant HTML tokenizer: linear scans with indexOf and sticky regexes only, so a 5 MB
// single-line page or a stray "<" cannot make it backtrack. It yields text, start and end tags.

export type HtmlToken =
  | { type: 'text'; text: string }
  | { type: 'start'; name: string; attrs: Record<string, string>; selfClosing: boolean }
  | { type: 'end'; name: string };

/** Elements whose content is raw text up to their end tag (never parsed as markup). */
export const RAW_TEXT = new Set(['script', 'style', 'textarea', 'title', 'xmp', 'iframe', 'noembed', 'noframes', 'noscript', 'template', 'plaintext']);

const TAG_NAME = /[a-zA-Z][a-zA-Z0-9:-]{0,40}/y;
const ATTR_NAME = /[^\s"'>/=]{1,200}/y;
const SPACES = /[\s]*/y;

function matchAt(re: RegExp, s: string, at: number): string | null {
  re.lastIndex = at;
  const m = re.exec(s);
  return m ? m[0] : null;
}

function skipSpaces(s: string, at: number): number {
  SPACES.lastIndex = at;
  SPACES.exec(s);
  return SPACES.lastIndex;
}

/** Reads attributes from `at` up to the tag's closing ">"; returns them and the position after ">". */
function readAttributes(html: string, at: number): { attrs: Record<string, string>; end: number; selfClosing: boolean } {
  const attrs: Record<string, string> = {};
  let i = at;
  let selfClosing = false;
  while (i < html.length) {
    i = skipSpaces(html, i);
    const ch = html[i];
    if (ch === undefined) break;
    if (ch === '>') return { attrs, end: i + 1, selfClosing };
    if (ch === '/') {
      selfClosing = html[i + 1] === '>';
      i += 1;
      continue;
    }
    const name = matchAt(ATTR_NAME, html, i);
    if (name === null) {
      i += 1; // a stray quote or "=": skip it
      continue;
    }
    i = skipSpaces(html, i + name.length);
    let value = '';
    if (html[i] === '=') {
      i = skipSpaces(html, i + 1);
      const quote = html[i];
      if (quote === '"' || quote === "'") {
        const close = html.indexOf(quote, i + 1);
        const stop = close === -1 ? html.length : close;
        value = html.slice(i + 1, stop);
        i = stop + 1;
      } else {
        let j = i;
        while (j < html.length && !/[\s>]/.test(html[j]!)) j += 1;
        value = html.slice(i, j);
        i = j;
      }
    }
    const key = name.toLowerCase();
    if (!(key in attrs)) attrs[key] = value;
  }
  return { attrs, end: html.length, selfClosing };
}

/** Finds the end of a raw-text element's content (`</name`), case-insensitively; -1 when absent. */
function findRawEnd(html: string, name: string, from: number): number {
  const re = new RegExp(`</${name}(?=[\\s/>])`, 'gi');
  re.lastIndex = from;
  const m = re.exec(html);
  return m ? m.index : -1;
}

/** Tokenizes HTML into text and tags. Comments, doctypes and processing instructions are skipped. */
export function* tokenizeHtml(html: string): Generator<HtmlToken> {
  let i = 0;
  while (i < html.length) {
    const lt = html.indexOf('<', i);
    if (lt === -1) {
      yield { type: 'text', text: html.slice(i) };
      return;
    }
    if (lt > i) yield { type: 'text', text: html.slice(i, lt) };
    if (html.startsWith('<!--', lt)) {
      const close = html.indexOf('-->', lt + 4);
      i = close === -1 ? html.length : close + 3;
      continue;
    }
    const next = html[lt + 1];
    if (next === '!' || next === '?') {
      const close = html.indexOf('>', lt);
      i = close === -1 ? html.length : close + 1;
      continue;
    }
    const isEnd = next === '/';
    const name = matchAt(TAG_NAME, html, lt + (isEnd ? 2 : 1));
    if (name === null) {
      yield { type: 'text', text: '<' };
      i = lt + 1;
      continue;
    }
    const lower = name.toLowerCase();
    const { attrs, end, selfClosing } = readAttributes(html, lt + (isEnd ? 2 : 1) + name.length);
    if (isEnd) {
      yield { type: 'end', name: lower };
      i = end;
      continue;
    }
    yield { type: 'start', name: lower, attrs, selfClosing };
    i = end;
    if (RAW_TEXT.has(lower) && !selfClosing) {
      const stop = findRawEnd(html, lower, i);
      const contentEnd = stop === -1 ? html.length : stop;
      yield { type: 'text', text: html.slice(i, contentEnd) };
      i = contentEnd;
    }
  }
}
