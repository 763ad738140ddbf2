import { describe, expect, it } from 'vitest';
import { type ItemSource, type ParsedItem, emptyTags } from '../../shared/model';
import { absorbItem } from './absorb';
import { ItemIndex } from './item-index';
import { buildItem } from './new-item';

const ARTICLE =
  'The CSTO Secretary General Imangali Tasmagambetov met with the Minister of Defence of the Kyrgyz Republic. ' +
  'They discussed the preparation of the joint exercise of the Collective Rapid Reaction Forces. ' +
  'The parties noted the high level of cooperation.';
const TEASER = `${ARTICLE.slice(0, 140)}…`;

function parsed(text: string, title: string | null = null, date: string | null = null): ParsedItem {
  const tags = emptyTags();
  tags.state = text.includes('Kyrgyz') ? ['Kyrgyzstan'] : [];
  return { title, text, date, datePrecision: date ? 'day' : null, lang: 'en', tags };
}

function source(sha: string, index = 0): ItemSource {
  return { sha256: sha.repeat(64).slice(0, 64), file: `${sha}.txt`, ext: 'txt', url: null, index };
}

const NOW = '2026-01-01T00:00:00.000Z';
const LATER = '2026-02-01T00:00:00.000Z';

describe('absorbing parsed items', () => {
  it('adds a new item, then meets it again as a duplicate that changes nothing', () => {
    const index = new ItemIndex();
    const item = buildItem(parsed(ARTICLE, 'Meeting'), source('a'), NOW);
    expect(absorbItem(index, item, NOW)).toEqual({ kind: 'added', changedId: item.id, previous: null });
    expect(absorbItem(index, buildItem(parsed(ARTICLE, 'Meeting'), source('a'), LATER), LATER)).toMatchObject({
      kind: 'duplicate',
      changedId: null,
    });
    expect(index.get(item.id)?.item.updated).toBe(NOW);
  });

  it('remembers a second page holding the same text as a new source of the same item', () => {
    const index = new ItemIndex();
    const first = buildItem(parsed(ARTICLE), source('a'), NOW);
    absorbItem(index, first, NOW);
    const spaced = ARTICLE.replace(/ /g, '\u00a0 ');
    const outcome = absorbItem(index, buildItem(parsed(spaced), source('b'), LATER), LATER);
    expect(outcome).toMatchObject({ kind: 'duplicate', changedId: first.id, previous: first });
    expect(index.get(first.id)?.item.sources.map((s) => s.file)).toEqual(['a.txt', 'b.txt']);
    expect(index.size).toBe(1);
  });

  it('merges a teaser into the article it opens, keeping both sources', () => {
    const index = new ItemIndex();
    const article = buildItem(parsed(ARTICLE, 'Meeting', '2024-09-05'), source('a'), NOW);
    absorbItem(index, article, NOW);
    const outcome = absorbItem(index, buildItem(parsed(TEASER), source('b', 3), LATER), LATER);
    expect(outcome).toMatchObject({ kind: 'merged', changedId: article.id, previous: article });
    const merged = index.get(article.id)?.item;
    expect(merged?.text).toBe(ARTICLE);
    expect(merged?.sources.map((s) => [s.file, s.index])).toEqual([
      ['a.txt', 0],
      ['b.txt', 3],
    ]);
    expect(index.size).toBe(1);
  });

  it('upgrades a teaser to the article that arrives later, keeping the teaser id, date and curator work', () => {
    const index = new ItemIndex();
    const teaser = { ...buildItem(parsed(TEASER, null, '2024-09-05'), source('b'), NOW), note: 'check this', status: 'starred' as const };
    absorbItem(index, teaser, NOW);
    const outcome = absorbItem(index, buildItem(parsed(ARTICLE, 'Meeting'), source('a'), LATER), LATER);
    expect(outcome).toMatchObject({ kind: 'merged', changedId: teaser.id, previous: teaser });
    const merged = index.get(teaser.id)?.item;
    expect(merged).toMatchObject({ text: ARTICLE, title: 'Meeting', isTitleDerived: false, date: '2024-09-05', note: 'check this', status: 'starred' });
    expect(merged?.sources).toHaveLength(2);
    expect(index.size).toBe(1);
    // The teaser's page imported again meets the merged item and changes nothing.
    expect(absorbItem(index, buildItem(parsed(TEASER), source('b'), LATER), LATER).changedId).toBeNull();
  });

  it('keeps a short teaser apart from an article that merely starts the same way', () => {
    const index = new ItemIndex();
    absorbItem(index, buildItem(parsed(ARTICLE), source('a'), NOW), NOW);
    const outcome = absorbItem(index, buildItem(parsed(ARTICLE.slice(0, 40)), source('b'), NOW), NOW);
    expect(outcome.kind).toBe('added');
    expect(index.size).toBe(2);
  });
});
