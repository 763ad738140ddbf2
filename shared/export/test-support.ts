// Test-only helpers (imported by *.test.ts, never by the app): Item fixtures from seed pages and a
// CommonMark view of exported Markdown. Kept free of node:* like the rest of shared/.
import MarkdownIt, { type Token } from 'markdown-it';
import YAML from 'yaml';
import { emptyTags, type DatePrecision, type Item, type Tags } from '../model';
import type { ExportOptions } from './types';

export const ALL_OPTIONS: ExportOptions = {
  format: 'single',
  text: 'full',
  includeNotes: true,
  includeHighlights: true,
  includeTags: true,
  generated: '2026-11-23T12:00:00.000Z',
};

/** An item with sensible defaults; `overrides` win. */
export function buildItem(overrides: Partial<Item> = {}): Item {
  return {
    id: 'item-0001',
    title: 'Untitled item',
    isTitleDerived: false,
    date: null,
    datePrecision: null,
    lang: 'en',
    text: '',
    sources: [{ sha256: 'a'.repeat(64), file: 'page.txt', ext: 'txt', url: null, index: 0 }],
    autoTags: emptyTags(),
    curator: { added: emptyTags(), rejected: emptyTags() },
    note: '',
    highlights: [],
    status: 'unread',
    imported: '2026-11-01T00:00:00.000Z',
    updated: '2026-11-01T00:00:00.000Z',
    ...overrides,
  };
}

interface SeedExpectation {
  url: string | null;
  lang: 'en' | 'ru';
  items: { anchor: string; title: string | null; date: string | null; states?: string[]; organs?: string[]; exercises?: string[]; persons?: string[] }[];
}

function precisionOf(date: string | null): DatePrecision | null {
  if (!date) return null;
  return date.length === 10 ? 'day' : date.length === 7 ? 'month' : 'year';
}

/** Items built from a seed page (NAME.txt text and NAME.json expectations): real titles, dates, tags and text. */
export function buildSeedItems(name: string, text: string, expectedJson: string): Item[] {
  const seed = JSON.parse(expectedJson) as SeedExpectation;
  return seed.items.map((entry, index) => {
    const start = Math.max(0, text.indexOf(entry.anchor));
    const tags: Tags = { state: entry.states ?? [], organ: entry.organs ?? [], exercise: entry.exercises ?? [], person: entry.persons ?? [] };
    return buildItem({
      id: `${name}-${index}`,
      title: entry.title ?? entry.anchor,
      isTitleDerived: entry.title === null,
      date: entry.date,
      datePrecision: precisionOf(entry.date),
      lang: seed.lang,
      text: text.slice(start, start + 900),
      sources: [{ sha256: 'b'.repeat(64), file: `${name}.txt`, ext: 'txt', url: seed.url, index }],
      autoTags: tags,
    });
  });
}

const md = new MarkdownIt('commonmark');

export interface MarkdownView {
  tokens: Token[];
  headings: { level: number; text: string }[];
  links: string[];
  htmlTokens: Token[];
  frontMatter: unknown;
}

function textOf(token: Token): string {
  return (token.children ?? []).map((child: Token) => (child.type === 'text' || child.type === 'code_inline' ? child.content : child.type === 'softbreak' ? '\n' : '')).join('');
}

function walk(tokens: Token[]): Token[] {
  return tokens.flatMap((token) => [token, ...walk(token.children ?? [])]);
}

/** Splits off the front matter (between the first two `---` lines), parses both halves. */
export function inspectMarkdown(content: string): MarkdownView {
  const match = /^---\n([\s\S]*?\n)---\n/.exec(content);
  if (!match) throw new Error('no front matter');
  const tokens = md.parse(content.slice(match[0].length), {});
  const headings = tokens.flatMap((token, i) =>
    token.type === 'heading_open' ? [{ level: Number(token.tag.slice(1)), text: textOf(tokens[i + 1]!) }] : [],
  );
  const all = walk(tokens);
  return {
    tokens,
    headings,
    links: all.filter((t) => t.type === 'link_open' || t.type === 'image').map((t) => String(t.attrGet(t.type === 'image' ? 'src' : 'href') ?? '')),
    htmlTokens: all.filter((t) => t.type === 'html_block' || t.type === 'html_inline'),
    frontMatter: YAML.parse(match[1]!),
  };
}

/** Text of every paragraph, as rendered (escapes resolved, soft breaks as newlines). */
export function paragraphTexts(view: MarkdownView): string[] {
  return view.tokens.flatMap((token, i) => (token.type === 'paragraph_open' ? [textOf(view.tokens[i + 1]!)] : []));
}
