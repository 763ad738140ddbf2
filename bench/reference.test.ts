import { describe, expect, it } from 'vitest';
import { emptyTags } from '../shared/model';
import type { SearchDoc } from '../shared/search';
import { buildReferenceIndex, searchReference } from './reference';

function doc(id: string, text: string, extra: Partial<SearchDoc> = {}): SearchDoc {
  return { id, title: '', text, date: '2024-05-01', lang: 'en', tags: emptyTags(), note: '', highlights: [], status: 'unread', collections: [], ...extra };
}

const index = buildReferenceIndex([
  doc('a', 'The collective security council met in Moscow'),
  doc('b', 'Security forces of the member states', { tags: { ...emptyTags(), state: ['Armenia'] }, date: '2021-03-02' }),
  doc('c', 'Council meeting on collective defence', { lang: 'ru' }),
]);

const ids = (query: string): string[] => searchReference(index, query).sort();

describe('searchReference', () => {
  it('matches a word being typed by prefix and requires every word', () => {
    expect(ids('secur')).toEqual(['a', 'b']);
    expect(ids('collective counc')).toEqual(['a', 'c']);
  });

  it('falls back to typos only when no term begins with the word', () => {
    expect(ids('colective')).toEqual(['a', 'c']);
    expect(ids('xollective')).toEqual([]);
  });

  it('requires the words of a phrase in sequence', () => {
    expect(ids('"security council"')).toEqual(['a']);
    expect(ids('"council security"')).toEqual([]);
  });

  it('applies filters, alone or with words', () => {
    expect(ids('state:armenia')).toEqual(['b']);
    expect(ids('security year:2024')).toEqual(['a']);
    expect(ids('lang:ru')).toEqual(['c']);
  });
});
