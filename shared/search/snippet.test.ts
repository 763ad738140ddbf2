import { describe, expect, it } from 'vitest';
import { emptyTags } from '../model';
import type { Item } from '../model';
import { toIndexTerms } from './options';
import { buildSnippet, formatSnippet } from './snippet';
import { toSearchDoc } from './search-doc';

function matching(...words: string[]): { terms: Set<string>; phrases: string[][] } {
  return { terms: new Set(words.flatMap((w) => toIndexTerms(w))), phrases: [] };
}

describe('buildSnippet', () => {
  it('collapses paragraph breaks and keeps ranges on the matched words', () => {
    const snippet = buildSnippet('First paragraph.\n\nSecond   paragraph about Armenia.', matching('Armenia'));
    expect(snippet.text).toBe('First paragraph. Second paragraph about Armenia.');
    expect(snippet.highlights.map(([a, b]) => snippet.text.slice(a, b))).toEqual(['Armenia']);
  });

  it('marks cut ends with an ellipsis and keeps the densest cluster of matches', () => {
    const filler = 'word '.repeat(80);
    const source = `${filler}Armenia ${filler}Armenia Belarus Armenia ${filler}`;
    const snippet = buildSnippet(source, matching('Armenia', 'Belarus'));
    expect(snippet.text.startsWith('…') && snippet.text.endsWith('…')).toBe(true);
    expect(snippet.highlights).toHaveLength(3);
    expect(formatSnippet(snippet, '[', ']')).toContain('[Armenia] [Belarus] [Armenia]');
  });

  it('starts at the beginning when nothing matched', () => {
    expect(buildSnippet('  Short text.', matching('absent'))).toEqual({ text: 'Short text.', highlights: [] });
  });
});

describe('toSearchDoc', () => {
  it('uses effective tags, highlight quotes and comments, and collection slugs and titles', () => {
    const item: Item = {
      id: 'x', title: 'T', isTitleDerived: false, date: '2024-09', datePrecision: 'month', lang: 'en', text: 'body',
      sources: [], autoTags: { ...emptyTags(), state: ['Armenia', 'Russia'] },
      curator: { added: { ...emptyTags(), person: ['Andrei Serdyukov'] }, rejected: { ...emptyTags(), state: ['Russia'] } },
      note: 'n', highlights: [{ quote: 'body', start: 0, comment: 'why' }, { quote: 'bo', start: 0, comment: ' ' }],
      status: 'starred', imported: '2024-01-01T00:00:00Z', updated: '2024-01-01T00:00:00Z',
    };
    const doc = toSearchDoc(item, [{ slug: 'exercises-2024', title: 'Exercises 2024' }]);
    expect(doc.tags.state).toEqual(['Armenia']);
    expect(doc.tags.person).toEqual(['Andrei Serdyukov']);
    expect(doc.highlights).toEqual(['body', 'why', 'bo']);
    expect(doc.collections).toEqual(['exercises-2024', 'Exercises 2024']);
  });
});
