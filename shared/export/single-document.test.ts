import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { emptyTags, type Item } from '../model';
import { createAnchorSlugger } from './heading-anchor';
import { displayTitle } from './item-section';
import { cleanBlock } from './markdown-escape';
import { exportSingleDocument } from './single-document';
import { ALL_OPTIONS, buildItem, buildSeedItems, inspectMarkdown, paragraphTexts, type MarkdownView } from './test-support';
import type { ExportOptions, ExportSource } from './types';

const SEEDS = new URL('../../resources/seeds/', import.meta.url);

function readSeedItems(): Item[] {
  return ['', 'ru/'].flatMap((dir) =>
    readdirSync(new URL(dir, SEEDS))
      .filter((name) => name.endsWith('.txt'))
      .flatMap((name) => {
        const base = name.slice(0, -4);
        const read = (ext: string) => readFileSync(new URL(`${dir}${base}.${ext}`, SEEDS), 'utf8');
        return buildSeedItems(base, read('txt'), read('json'));
      }),
  );
}

const SEED_ITEMS = readSeedItems();

function sourceOf(items: Item[], title = 'CSTO exercises 2024', intro = 'Items gathered for the annual report.'): ExportSource {
  return { title, intro, entries: items.map((item, i) => ({ item, note: i % 2 ? '' : `Entry note ${i}` })) };
}

/** The structural invariants every single document must keep, whatever the titles and texts. */
function expectSound(view: MarkdownView, source: ExportSource): void {
  const titles = source.entries.map(({ item }, i) => `${i + 1}. ${displayTitle(item.title)}`);
  expect(view.headings).toEqual([{ level: 1, text: displayTitle(source.title) }, ...titles.map((text) => ({ level: 2, text }))]);
  expect(view.htmlTokens).toEqual([]);
  const slugger = createAnchorSlugger();
  const anchors = view.headings.map((h) => `#${slugger.slug(h.text)}`).slice(1);
  const internal = view.links.filter((href) => href.startsWith('#')).map(decodeURIComponent);
  expect(internal).toEqual(anchors);
  expect(view.links.filter((href) => !href.startsWith('#')).every((href) => /^https?:\/\//.test(href))).toBe(true);
  const kinds = new Set(view.tokens.map((t) => t.type));
  for (const forbidden of ['hr', 'fence', 'code_block']) expect(kinds.has(forbidden)).toBe(false);
  const frontMatter = view.frontMatter as Record<string, unknown>;
  expect(frontMatter.title).toBe(source.title);
  expect(frontMatter.count).toBe(source.entries.length);
}

describe('exportSingleDocument on seed items', () => {
  it('has the title, then one h2 per item in collection order, each linked from the contents', () => {
    const source = sourceOf([...SEED_ITEMS].reverse());
    expect(source.entries.length).toBeGreaterThan(10);
    expectSound(inspectMarkdown(exportSingleDocument(source, ALL_OPTIONS)), source);
  });

  it('stamps front matter with the injected time, the query, the count, the format version and the ids', () => {
    const source = { ...sourceOf(SEED_ITEMS.slice(0, 3), 'Search: organ:"Joint Staff"'), query: 'organ:"Joint Staff"' };
    const frontMatter = inspectMarkdown(exportSingleDocument(source, ALL_OPTIONS)).frontMatter;
    expect(frontMatter).toEqual({
      title: 'Search: organ:"Joint Staff"', query: 'organ:"Joint Staff"', generated: ALL_OPTIONS.generated, count: 3,
      format: 'annals-markdown', formatVersion: 1, layout: 'single', items: SEED_ITEMS.slice(0, 3).map((item) => item.id),
    });
  });

  it('writes the full text of a Russian item as its own paragraphs', () => {
    const item = SEED_ITEMS.find((candidate) => candidate.lang === 'ru')!;
    const paragraphs = paragraphTexts(inspectMarkdown(exportSingleDocument(sourceOf([item]), ALL_OPTIONS)));
    for (const paragraph of cleanBlock(item.text).split(/\n{2,}/)) expect(paragraphs).toContain(paragraph);
  });

  it('cuts the excerpt at a word within the requested length, and leaves the text out when asked', () => {
    const item = SEED_ITEMS.find((candidate) => candidate.text.length > 600)!;
    const excerptDoc = exportSingleDocument(sourceOf([item]), { ...ALL_OPTIONS, text: 'excerpt', excerptLength: 200 });
    const paragraphs = paragraphTexts(inspectMarkdown(excerptDoc));
    const excerpt = paragraphs.slice(paragraphs.indexOf('Excerpt') + 1).join('\n\n');
    expect(excerpt.endsWith('…')).toBe(true);
    expect(Array.from(excerpt).length).toBeLessThanOrEqual(201);
    expect(cleanBlock(item.text).replace(/\s+/g, ' ').startsWith(excerpt.slice(0, -1).replace(/\s+/g, ' '))).toBe(true);
    const bare = exportSingleDocument(sourceOf([item]), { ...ALL_OPTIONS, text: 'none' });
    expect(paragraphTexts(inspectMarkdown(bare))).not.toContain('Text');
    const longestLine = cleanBlock(item.text).split('\n').reduce((a, b) => (b.length > a.length ? b : a));
    expect(longestLine.length).toBeGreaterThan(40);
    expect(bare).not.toContain(longestLine.slice(0, 40));
  });
});

describe('an item section', () => {
  const item = buildItem({
    title: 'Exercise "Interaction-2024" opens',
    date: '2024-09',
    datePrecision: 'month',
    text: 'The exercise opened.',
    note: 'Check against the TASS wire.',
    autoTags: { ...emptyTags(), state: ['Belarus', 'Armenia'], organ: ['Joint Staff'] },
    curator: { added: { ...emptyTags(), exercise: ['Interaction-2024'] }, rejected: { ...emptyTags(), state: ['Armenia'] } },
    highlights: [{ quote: 'The exercise\nopened.', start: 0, comment: 'first day' }],
    sources: [
      { sha256: 'c'.repeat(64), file: 'tass.html', ext: 'html', url: 'https://tass.com/world/1 (2)', index: 0 },
      { sha256: 'd'.repeat(64), file: 'evil.html', ext: 'html', url: 'javascript:alert(1)', index: 1 },
    ],
  });

  function render(options: Partial<ExportOptions> = {}, overrides: Partial<Item> = {}) {
    const source = { title: 'T', intro: '', entries: [{ item: { ...item, ...overrides }, note: 'Why it matters.' }] };
    return inspectMarkdown(exportSingleDocument(source, { ...ALL_OPTIONS, ...options }));
  }

  it('shows the date at its precision, the effective tags per facet, both notes and the highlight with its comment', () => {
    const view = render();
    const texts = paragraphTexts(view);
    const list = view.tokens.filter((t) => t.type === 'inline').map((t) => t.content).join('\n');
    expect(list).toContain('**Date:** September 2024');
    expect(list).toContain('**States:** Belarus\n');
    expect(list).toContain('**Exercises:** Interaction-2024');
    expect(texts).toContain('Collection note: Why it matters.');
    expect(texts).toContain('Curator note: Check against the TASS wire.');
    const quoted = view.tokens.findIndex((t) => t.type === 'blockquote_open');
    expect(view.tokens[quoted + 2]?.content).toBe('The exercise\nopened.');
    expect(texts).toContain('Comment: first day');
  });

  it('links only the http(s) source address and shows any other as text', () => {
    const view = render();
    expect(view.links.filter((href) => !href.startsWith('#'))).toEqual(['https://tass.com/world/1%20%282%29']);
    expect(paragraphTexts(view).join('\n') + view.tokens.map((t) => t.content).join('\n')).toContain('javascript:alert(1)');
  });

  it('leaves out notes, highlights and tags when they are not asked for', () => {
    const view = render({ includeNotes: false, includeHighlights: false, includeTags: false });
    const all = view.tokens.map((t) => t.content).join('\n');
    for (const absent of ['Why it matters', 'TASS wire', 'first day', 'Belarus', 'Highlights']) expect(all).not.toContain(absent);
    expect(view.tokens.some((t) => t.type === 'blockquote_open')).toBe(false);
  });

  it('marks a derived title in italics and says so, and writes "undated" when there is no date', () => {
    const view = render({}, { isTitleDerived: true, date: null, datePrecision: null });
    const heading = view.tokens.findIndex((t) => t.type === 'heading_open' && t.tag === 'h2');
    expect(view.tokens[heading + 1]?.children?.map((t) => t.type)).toContain('em_open');
    const all = view.tokens.map((t) => t.content).join('\n');
    expect(all).toContain('**Date:** undated');
    expect(all).toContain('derived from the text');
  });
});

const ROUND_TRIP_TITLES = [
  '# Heading? *bold* _it_ `code` [link](javascript:alert(1))',
  'key: value: more', '---', '---\ntitle: injected\n---', '...', "It's \"quoted\" 'twice'",
  'Line one\nline two\r\nline three', '<script>alert(1)</script>', '\u202eevil\u202c override', '\u2067isolate\u2069',
  'ОДКБ: учение «Взаимодействие-2024» — 🎉', '- [ ] task | pipe | > quote', '1. not a list', '&amp; &#60; \\ \\\\', '', '   ',
];

describe('hostile titles', () => {
  it('round-trips every title through the front matter and keeps the structure', () => {
    for (const title of ROUND_TRIP_TITLES) {
      const source = sourceOf([buildItem({ title, text: title, note: title })], title, title);
      const view = inspectMarkdown(exportSingleDocument(source, ALL_OPTIONS));
      expectSound(view, source);
    }
  });

  const PIECES = ['#', '---', ': ', '\n', '\n\n', '`', '```', '<', '<b>', '[x](javascript:alert(1))', '|', '>', '1. ', '- ', '***', '===', '🎉', 'Москва', ' ', 'word', '\\', '&lt;', '*', '_', '~~~', '    '];
  const hostile = fc.array(fc.oneof(fc.constantFrom(...PIECES), fc.string({ maxLength: 4 })), { maxLength: 16 }).map((parts) => parts.join(''));
  const hostileItem = fc.record({ title: hostile, text: hostile, note: hostile, quote: hostile, comment: hostile, url: fc.oneof(hostile, hostile.map((tail) => `https://example.org/${tail}`)), isTitleDerived: fc.boolean() });

  it('keeps the structural invariants for any titles, texts, notes and highlights', () => {
    fc.assert(
      fc.property(hostile, hostile, fc.array(hostileItem, { maxLength: 5 }), (title, intro, drafts) => {
        const entries = drafts.map((draft, i) => ({
          note: draft.note,
          item: buildItem({
            id: `item-${i}`, title: draft.title, isTitleDerived: draft.isTitleDerived, text: draft.text, note: draft.note,
            highlights: [{ quote: draft.quote, start: 0, comment: draft.comment }],
            sources: [{ sha256: 'e'.repeat(64), file: draft.title, ext: 'txt', url: draft.url, index: 0 }],
            autoTags: { ...emptyTags(), state: [draft.comment], person: [draft.quote] },
          }),
        }));
        const source = { title, intro, entries };
        expectSound(inspectMarkdown(exportSingleDocument(source, ALL_OPTIONS)), source);
      }),
      { numRuns: 150 },
    );
  });
});
