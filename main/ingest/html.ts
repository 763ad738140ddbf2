// Readable text from a saved web page: chrome elements dropped, blocks turned into lines, the
// <article>/<main> content preferred when the page has one, the canonical address kept.
import { decodeEntities } from '../../shared/ingest/entities';
import { type HtmlToken, tokenizeHtml } from './html-tokenizer';

export interface ExtractedHtml {
  text: string;
  url: string | null;
}

const DROPPED = new Set([
  'script', 'style', 'noscript', 'template', 'nav', 'aside', 'iframe', 'svg', 'math', 'title', 'label',
  'textarea', 'select', 'button', 'object', 'embed', 'canvas', 'noembed', 'noframes', 'head', 'dialog', 'menu',
]);
// <form> itself is kept: ASP.NET pages wrap the whole body in one. Its controls above are dropped.
// Page header and footer are chrome, but an <article>'s own <header> holds its headline and date.
const DROPPED_OUTSIDE_ARTICLE = new Set(['header', 'footer']);
const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source', 'track', 'wbr']);
const PARAGRAPH = new Set(['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'pre', 'table', 'ul', 'ol', 'dl', 'figure', 'section', 'article', 'main', 'hr', 'address']);
const LINE = new Set(['br', 'div', 'li', 'tr', 'td', 'th', 'dt', 'dd', 'figcaption', 'caption', 'header', 'footer', 'time', 'tbody', 'thead']);
const PREFERRED = new Set(['article', 'main']);

interface Chunk {
  text: string;
  region: 'article' | 'main' | 'page';
}

/** The page's own address: <link rel=canonical>, else og:url. */
function readUrl(token: HtmlToken & { type: 'start' }, found: { canonical: string | null; og: string | null }): void {
  const { name, attrs } = token;
  if (name === 'link' && (attrs.rel ?? '').toLowerCase().split(/\s+/).includes('canonical') && attrs.href) {
    found.canonical ??= decodeEntities(attrs.href).trim();
  }
  if (name === 'meta' && (attrs.property ?? attrs.name ?? '').toLowerCase() === 'og:url' && attrs.content) {
    found.og ??= decodeEntities(attrs.content).trim();
  }
}

class Extractor {
  readonly chunks: Chunk[] = [];
  readonly url = { canonical: null as string | null, og: null as string | null };
  private readonly stack: string[] = [];
  // Open elements by name: a stray end tag or a <body> is answered in O(1), not by scanning a stack
  // that a hostile page can make 100k deep.
  private readonly openCount = new Map<string, number>();
  private dropped = 0;
  private articles = 0;
  private mains = 0;

  private isDropped(name: string): boolean {
    return DROPPED.has(name) || (DROPPED_OUTSIDE_ARTICLE.has(name) && this.articles === 0 && this.mains === 0);
  }

  // Breaks wait until text follows, so nested blocks (</li><li>, </td><td>) give one break, not several.
  private pendingBreak = 0;

  private push(text: string): void {
    if (this.dropped > 0) return;
    if (this.pendingBreak > 0 && text.trim().length === 0) return;
    const region = this.articles > 0 ? 'article' : this.mains > 0 ? 'main' : 'page';
    if (this.pendingBreak > 0) this.chunks.push({ text: this.pendingBreak === 2 ? '\n\n' : '\n', region });
    this.pendingBreak = 0;
    this.chunks.push({ text, region });
  }

  private breakFor(name: string): void {
    if (PARAGRAPH.has(name)) this.pendingBreak = 2;
    else if (LINE.has(name)) this.pendingBreak = Math.max(this.pendingBreak, 1);
  }

  private open(name: string): void {
    this.stack.push(name);
    this.openCount.set(name, (this.openCount.get(name) ?? 0) + 1);
    if (this.isDropped(name)) this.dropped += 1;
    if (name === 'article') this.articles += 1;
    if (name === 'main') this.mains += 1;
  }

  private pop(): void {
    const name = this.stack.pop()!;
    this.openCount.set(name, (this.openCount.get(name) ?? 1) - 1);
    if (name === 'article') this.articles -= 1;
    if (name === 'main') this.mains -= 1;
    if (this.isDropped(name)) this.dropped -= 1;
  }

  onToken(token: HtmlToken): void {
    if (token.type === 'text') return this.push(decodeEntities(token.text).replace(/[ \t\n\r\f]+/g, ' '));
    if (token.type === 'start') {
      readUrl(token, this.url);
      if (token.name === 'body' && this.isOpen('head')) this.closeTo(this.stack.lastIndexOf('head'));
      this.breakFor(token.name);
      if (!VOID.has(token.name) && !token.selfClosing) this.open(token.name);
      return;
    }
    if (this.isOpen(token.name)) this.closeTo(this.stack.lastIndexOf(token.name));
    this.breakFor(token.name); // a stray end tag (e.g. </p> alone) still ends a block
  }

  private isOpen(name: string): boolean {
    return (this.openCount.get(name) ?? 0) > 0;
  }

  private closeTo(at: number): void {
    while (this.stack.length > at) this.pop();
  }
}

/** Joins chunks into lines: trims each line, keeps at most one blank line between blocks. */
function joinChunks(chunks: Chunk[]): string {
  const lines = chunks.map((c) => c.text).join('').split('\n').map((line) => line.replace(/^ +| +$/g, ''));
  const out: string[] = [];
  for (const line of lines) {
    if (line === '' && (out.length === 0 || out[out.length - 1] === '')) continue;
    out.push(line);
  }
  while (out[out.length - 1] === '') out.pop();
  return out.join('\n');
}

/** Keeps article/main chunks; a gap where page chrome was becomes a paragraph break. */
function keepRegions(chunks: Chunk[]): Chunk[] {
  const kept: Chunk[] = [];
  let inGap = false;
  for (const chunk of chunks) {
    if (!PREFERRED.has(chunk.region)) {
      inGap = true;
      continue;
    }
    if (inGap) kept.push({ text: '\n\n', region: chunk.region });
    inGap = false;
    kept.push(chunk);
  }
  return kept;
}

/** Extracts readable text and the page URL from HTML. Never throws on malformed markup. */
export function extractHtml(html: string): ExtractedHtml {
  const extractor = new Extractor();
  for (const token of tokenizeHtml(html)) extractor.onToken(token);
  const { chunks } = extractor;
  const preferred = ['article', 'main'].find((region) =>
    chunks.some((c) => c.region === region && c.text.trim().length > 0),
  );
  // <main> wraps <article>; when an article exists, main's own text (often teasers, dates) is kept too.
  const kept = preferred ? keepRegions(chunks) : chunks;
  return { text: joinChunks(kept), url: extractor.url.canonical || extractor.url.og || null };
}

/** The charset a page declares in its first bytes (<meta charset> or http-equiv), or null. */
export function sniffHtmlCharset(bytes: Uint8Array): string | null {
  const head = new TextDecoder('windows-1252').decode(bytes.subarray(0, 4096));
  const m = /<meta[^>]{0,300}?charset\s*=\s*["']?\s*([\w.:-]{1,40})/i.exec(head);
  return m ? m[1]!.toLowerCase() : null;
}
