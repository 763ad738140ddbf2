import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { utf8Length } from '../slug';
import { exportFolder, INDEX_FILE, nameItemFile } from './folder';
import { displayTitle } from './item-section';
import { exportMarkdown } from './index';
import { exportSingleDocument } from './single-document';
import { ALL_OPTIONS, buildItem, buildSeedItems, inspectMarkdown } from './test-support';
import type { ExportSource } from './types';

const SEEDS = new URL('../../resources/seeds/', import.meta.url);
const read = (path: string) => readFileSync(new URL(path, SEEDS), 'utf8');
const SEED_ITEMS = [
  ...buildSeedItems('004_b84ff4f94bcea16d', read('004_b84ff4f94bcea16d.txt'), read('004_b84ff4f94bcea16d.json')),
  ...buildSeedItems('ru2', read('ru/ru2.txt'), read('ru/ru2.json')),
  ...buildSeedItems('000_cd461175736abc75', read('000_cd461175736abc75.txt'), read('000_cd461175736abc75.json')),
];
const FOLDER = { ...ALL_OPTIONS, format: 'folder' as const };
const WINDOWS_RESERVED = /^(con|prn|aux|nul|com\d|lpt\d)(\..*)?$/i;

function sourceOf(titles: string[]): ExportSource {
  return { title: 'Collection', intro: '', entries: titles.map((title, i) => ({ item: buildItem({ id: `id-${i}`, title }), note: '' })) };
}

function expectSafeNames(paths: string[]): void {
  expect(new Set(paths.map((p) => p.toLowerCase().normalize('NFC'))).size).toBe(paths.length);
  for (const path of paths) {
    for (const segment of path.split('/')) {
      expect(segment).toMatch(/^[\p{L}\p{N}][\p{L}\p{N}.-]*\.md$/u);
      expect(segment).not.toMatch(WINDOWS_RESERVED);
      expect(segment.split('.').filter((part) => part === '').length).toBe(0);
      expect(utf8Length(segment)).toBeLessThan(255);
    }
  }
}

describe('exportFolder on seed items', () => {
  const source: ExportSource = { title: 'Secretariat, May 2025', intro: 'Visits and meetings.', entries: SEED_ITEMS.map((item) => ({ item, note: 'n' })) };
  const files = exportFolder(source, FOLDER);
  const items = files.slice(1);

  it('writes index.md then one NNN-<date>-<slug>.md per item, whose names sort in collection order', () => {
    expect(files[0]!.path).toBe(INDEX_FILE);
    expect(items).toHaveLength(SEED_ITEMS.length);
    expect(items.map((f) => f.path)).toEqual(items.map((f) => f.path).sort());
    items.forEach((file, i) => {
      const date = SEED_ITEMS[i]!.date ?? 'undated';
      expect(file.path.startsWith(`${String(i + 1).padStart(3, '0')}-${date}-`)).toBe(true);
    });
    expectSafeNames(files.map((f) => f.path));
  });

  it('lists every item file in the index, in order, under the title and intro', () => {
    const view = inspectMarkdown(files[0]!.content);
    expect(view.headings).toEqual([{ level: 1, text: 'Secretariat, May 2025' }]);
    expect(view.links.map(decodeURIComponent)).toEqual(items.map((f) => f.path));
    expect(view.tokens.filter((t) => t.type === 'list_item_open')).toHaveLength(items.length);
    expect(view.frontMatter).toMatchObject({ title: source.title, count: items.length, layout: 'folder', files: items.map((f) => f.path) });
  });

  it('gives each item file its own front matter and a single h1 with its title', () => {
    items.forEach((file, i) => {
      const item = SEED_ITEMS[i]!;
      const view = inspectMarkdown(file.content);
      expect(view.headings).toEqual([{ level: 1, text: displayTitle(item.title) }]);
      expect(view.htmlTokens).toEqual([]);
      expect(view.links.every((href) => href === INDEX_FILE || /^https?:\/\//.test(href))).toBe(true);
      expect(view.frontMatter).toMatchObject({ id: item.id, title: item.title, date: item.date, position: i + 1, collection: source.title });
    });
  });

  it('tags the item for Obsidian as facet/label and keeps the exact labels per facet', () => {
    const tagged = SEED_ITEMS.findIndex((item) => item.autoTags.organ.includes('Secretariat'));
    const frontMatter = inspectMarkdown(items[tagged]!.content).frontMatter as { tags: string[]; facets: { organ: string[] } };
    expect(frontMatter.tags).toContain('organ/secretariat');
    expect(frontMatter.facets.organ).toContain('Secretariat');
  });
});

describe('item file names', () => {
  it('stay unique, safe and ordered for hostile titles', () => {
    const titles = ['CON', 'nul', '..', '.', '../../etc/passwd', 'a/b\\c:d*e?f"g<h>i|j', '', '   ', '\u202eexe.txt', 'COM1.txt', '🎉🎉', 'Москва '.repeat(80), 'x'.repeat(400)];
    const paths = exportFolder(sourceOf(titles), FOLDER).map((f) => f.path);
    expectSafeNames(paths);
    expect(paths.slice(1)).toEqual(paths.slice(1).sort());
  });

  it('widen the number past 999 items so that name order is still collection order', () => {
    const names = Array.from({ length: 1200 }, (_, i) => nameItemFile({ title: 'Same title', date: '2024-01-01' }, i, 1200));
    expect(names[0]).toBe('0001-2024-01-01-same-title.md');
    expect(names).toEqual([...names].sort());
  });

  it('stay safe for any title and date', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ maxLength: 300, unit: 'binary' }), { minLength: 1, maxLength: 4 }), fc.option(fc.string()), (titles, date) => {
        const source = sourceOf(titles);
        source.entries.forEach((entry) => (entry.item.date = date));
        expectSafeNames(exportFolder(source, FOLDER).map((f) => f.path));
      }),
      { numRuns: 200 },
    );
  });
});

describe('folder structure under hostile input', () => {
  const PIECES = ['#', '---', ': ', '\n', '\n\n', '`', '<', '<b>', '[x](javascript:alert(1))', '|', '>', '1. ', '- ', '***', '===', '🎉', 'Москва', ' ', 'word'];
  const hostile = fc.array(fc.oneof(fc.constantFrom(...PIECES), fc.string({ maxLength: 4 })), { maxLength: 12 }).map((parts) => parts.join(''));

  it('keeps one h1 per file, an ordered index, front matter titles and no HTML for any titles and texts', () => {
    fc.assert(
      fc.property(hostile, fc.array(fc.record({ title: hostile, text: hostile, note: hostile }), { maxLength: 4 }), (title, drafts) => {
        const entries = drafts.map((draft, i) => ({ note: draft.note, item: buildItem({ id: `id-${i}`, ...draft }) }));
        const [index, ...items] = exportFolder({ title, intro: title, entries }, FOLDER);
        const indexView = inspectMarkdown(index!.content);
        expect(indexView.headings).toEqual([{ level: 1, text: displayTitle(title) }]);
        expect(indexView.links.map(decodeURIComponent)).toEqual(items.map((f) => f.path));
        expect(indexView.htmlTokens).toEqual([]);
        items.forEach((file, i) => {
          const view = inspectMarkdown(file.content);
          expect(view.headings).toEqual([{ level: 1, text: displayTitle(drafts[i]!.title) }]);
          expect(view.htmlTokens).toEqual([]);
          expect(view.links).toEqual([INDEX_FILE]);
          expect(view.frontMatter).toMatchObject({ title: drafts[i]!.title, collection: title });
        });
      }),
      { numRuns: 100 },
    );
  });
});

describe('exportMarkdown', () => {
  it('returns the single document as one file named after the title, or the folder files', () => {
    const source = sourceOf(['One', 'Two']);
    expect(exportMarkdown({ ...source, title: 'Report: 2024/25' }, ALL_OPTIONS)).toEqual([
      { path: 'report-2024-25.md', content: exportSingleDocument({ ...source, title: 'Report: 2024/25' }, ALL_OPTIONS) },
    ]);
    expect(exportMarkdown(source, FOLDER)).toEqual(exportFolder(source, FOLDER));
  });
});
