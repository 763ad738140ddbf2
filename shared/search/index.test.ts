import { describe, expect, it } from 'vitest';
import { emptyTags, FACETS } from '../model';
import {
  addOrReplaceDoc,
  createSearchIndex,
  formatSnippet,
  loadSearchIndex,
  removeDoc,
  searchArchive,
  serializeSearchIndex,
  SearchIndexLoadError,
} from './index';
import type { SearchDoc, SearchResult } from './index';
import { CORPUS } from './search-corpus.fixture';

const index = createSearchIndex(CORPUS);

function ids(query: string, options = {}): string[] {
  const result = searchArchive(index, query, { limit: 100, ...options });
  expect(result.error).toBeUndefined();
  return result.hits.map((hit) => hit.id);
}

function sorted(values: string[]): string[] {
  return [...values].sort();
}

function highlightedWords(result: SearchResult, id: string): string[] {
  const hit = result.hits.find((h) => h.id === id);
  if (!hit) throw new Error(`no hit ${id}`);
  return hit.snippet.highlights.map(([from, to]) => hit.snippet.text.slice(from, to));
}

describe('searchArchive: words', () => {
  it('matches everything for an empty query, newest first with undated docs last', () => {
    const dates = ids('').map((id) => CORPUS.find((d) => d.id === id)?.date ?? '');
    expect(dates).toHaveLength(CORPUS.length);
    expect(dates).toEqual([...dates].sort().reverse());
  });

  it('requires every word', () => {
    expect(sorted(ids('Tasmagambetov Astana'))).toEqual(['en-rock']);
    expect(ids('Tasmagambetov Ordabaev')).toEqual([]);
  });

  it('matches words by prefix as they are typed', () => {
    expect(sorted(ids('Khachat'))).toEqual(['en-anniversary']);
    expect(sorted(ids('Ордаб'))).toEqual(['en-afghanistan']);
  });

  it('tolerates typos in long words, even in a prefix, but not in short ones', () => {
    expect(ids('Khachaturv')).toContain('en-anniversary');
    expect(ids('quartr')).toContain('en-anniversary');
    expect(ids('videoconferensing')).toContain('en-military-committee');
    expect(ids('Rok')).toEqual([]);
  });

  it('uses typo tolerance only for a word that begins no indexed word', () => {
    const typoOnly = createSearchIndex([
      { ...CORPUS[0]!, id: 'intl', title: 'International cooperation', text: 'International terrorism.', tags: emptyTags() },
      { ...CORPUS[0]!, id: 'exact', title: 'Joint exercise', text: 'The Interaction exercise began.', tags: emptyTags() },
    ]);
    expect(searchArchive(typoOnly, 'Interaction').hits.map((h) => h.id)).toEqual(['exact']);
    expect(searchArchive(typoOnly, 'Interacton').hits.map((h) => h.id)).toEqual(['exact']);
  });

  it('finds Russian words in other inflections', () => {
    expect(sorted(ids('учения'))).toEqual(['ru-armenia', 'ru-echelon', 'ru-interaction', 'ru-rock', 'ru-serdyukov']);
    expect(ids('Армения')).toContain('ru-armenia');
    // The transliteration key reaches the English spelling too.
    expect(ids('Армения')).toContain('en-anniversary');
    expect(ids('заседанием')).toEqual(['ru-military-committee']);
  });

  it('treats ё and е as one letter', () => {
    expect(sorted(ids('объединённого'))).toEqual(['ru-joint-staff', 'ru-serdyukov']);
    expect(ids('секретарем')).toContain('ru-armenia');
    expect(ids('пройдет')).toEqual(['ru-serdyukov']);
  });

  // Without tags, so the English person labels cannot be what matches.
  const untagged = createSearchIndex(CORPUS.map((d) => ({ ...d, tags: emptyTags() })));
  const untaggedIds = (query: string): string[] => sorted(searchArchive(untagged, query).hits.map((h) => h.id));

  it('finds a Cyrillic name typed in Latin letters, in any romanisation', () => {
    for (const name of ['Tasmagambetov', 'Tasmagambetova']) expect(untaggedIds(name)).toEqual(['en-rock', 'ru-rock']);
    expect(untaggedIds('Bordyuzha')).toEqual(['ru-armenia']);
    expect(untaggedIds('Bordiuzha')).toEqual(['ru-armenia']);
    for (const name of ['Serdyukov', 'Serdiukov']) expect(untaggedIds(name)).toEqual(['en-briefing', 'ru-serdyukov']);
    expect(untaggedIds('Semerikov')).toEqual(['ru-military-committee']);
  });

  it('finds a Latin spelling from a name typed in Cyrillic', () => {
    expect(untaggedIds('Хачатуров')).toEqual(['en-anniversary']);
    expect(untaggedIds('Сердюкова')).toEqual(['en-briefing', 'ru-serdyukov']);
    expect(untaggedIds('Ордабаев')).toEqual(['en-afghanistan']);
  });

  it('finds items through their tags in the other language', () => {
    expect(ids('Echelon')).toEqual(expect.arrayContaining(['ru-echelon', 'ru-interaction']));
  });
});

describe('searchArchive: operators', () => {
  it('matches a phrase only as consecutive words, after the same normalisation', () => {
    expect(ids('security collective').length).toBeGreaterThan(0);
    expect(ids('"security collective"')).toEqual([]);
    expect(sorted(ids('"Crisis Response Centre"'))).toEqual(['en-crisis']);
    expect(ids('"объединенный штаб"')).toEqual(expect.arrayContaining(['ru-joint-staff', 'ru-serdyukov']));
  });

  it('searches an unclosed phrase as typed so far', () => {
    expect(ids('"Crisis Response')).toEqual(['en-crisis']);
  });

  it('takes either side of OR, which binds tighter than juxtaposition', () => {
    expect(sorted(ids('Khachaturov OR Ordabaev'))).toEqual(['en-afghanistan', 'en-anniversary']);
    expect(sorted(ids('Kyrgyz Khachaturov OR Ordabaev'))).toEqual(['en-anniversary']);
    expect(sorted(ids('Khachaturov ИЛИ Ордабаев'))).toEqual(['en-afghanistan', 'en-anniversary']);
    expect(ids('Khachaturov OR &')).toEqual(ids('Khachaturov'));
  });

  it('excludes words with -word and NOT word, through every spelling of the word', () => {
    const without = ids('Secretary -Tasmagambetov');
    expect(without).not.toContain('en-rock');
    expect(without).not.toContain('ru-rock');
    expect(without).toContain('en-anniversary');
    expect(sorted(ids('Secretary NOT Tasmagambetov'))).toEqual(sorted(without));
    expect(sorted(ids('-Тасмагамбетов'))).toEqual(sorted(CORPUS.map((d) => d.id).filter((id) => !id.endsWith('rock'))));
  });

  it('groups with parentheses', () => {
    expect(sorted(ids('(Khachaturov OR Ordabaev) -Afghanistan'))).toEqual(['en-anniversary']);
    expect(sorted(ids('-(Kyrgyz OR Кыргызстан) "Joint Staff"'))).toEqual(['en-briefing', 'en-crisis']);
  });
});

describe('searchArchive: filters', () => {
  const cases: [string, string[]][] = [
    ['state:armenia', ['en-anniversary', 'en-history', 'en-military-committee', 'ru-armenia']],
    ['organ:"Joint Staff"', ['en-briefing', 'en-crisis', 'en-military-committee', 'ru-joint-staff', 'ru-serdyukov']],
    ['exercise:Interaction', ['en-interaction', 'ru-interaction', 'ru-serdyukov']],
    ['exercise:interaction-2024', ['en-interaction', 'ru-interaction']],
    ['person:"Anatoly Sidorov"', ['en-military-committee', 'ru-joint-staff']],
    ['tag:"military committee"', ['en-military-committee', 'ru-military-committee']],
    ['year:2021', ['en-military-committee', 'ru-armenia']],
    ['year:2006..2017', ['en-anniversary', 'en-history', 'ru-military-committee']],
    ['date:2021-01..2021-06', ['ru-armenia']],
    ['date:2025..', ['en-afghanistan', 'ru-serdyukov']],
    ['date:..2015', ['en-history', 'ru-military-committee']],
    ['date:2024-09-03', ['en-crisis', 'en-interaction']],
    ['date:2024-08', ['en-briefing']],
    ['before:2017-05-29', ['en-anniversary', 'en-history', 'ru-military-committee']],
    ['after:2025-05-13', ['en-afghanistan', 'ru-serdyukov']],
    ['has:note', ['en-interaction', 'ru-interaction']],
    ['has:highlights', ['en-briefing', 'ru-armenia']],
    ['in:exercises-2024', ['en-interaction', 'en-rock', 'ru-echelon']],
    ['in:"exercises 2024"', ['en-interaction', 'en-rock', 'ru-echelon']],
    ['status:starred', ['en-rock', 'ru-serdyukov']],
    ['lang:ru state:kyrgyzstan', ['ru-echelon', 'ru-interaction']],
    ['Secretary state:Kazakhstan -lang:ru', ['en-anniversary', 'en-rock']],
  ];
  it.each(cases)('%s', (query, expected) => {
    expect(sorted(ids(query))).toEqual(expected);
  });

  it('finds every tagged doc with has:tags', () => {
    expect(ids('has:tags')).toHaveLength(CORPUS.filter((d) => FACETS.some((f) => d.tags[f].length > 0)).length);
  });
});

describe('searchArchive: order, facets and errors', () => {
  it('sorts by relevance for words, by date for filters only, and as asked', () => {
    const byRelevance = searchArchive(index, 'Tasmagambetov training').hits;
    expect(byRelevance[0]?.id).toBe('en-rock');
    const scores = byRelevance.map((h) => h.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    const filtered = searchArchive(index, 'state:kyrgyzstan').hits.map((h) => h.date ?? '');
    expect(filtered).toEqual([...filtered].sort().reverse());
    const ascending = searchArchive(index, 'CSTO', { sort: 'date-asc' }).hits.map((h) => h.date ?? '');
    expect(ascending).toEqual([...ascending].sort());
  });

  it('pages results with limit and offset', () => {
    const all = ids('CSTO');
    expect(searchArchive(index, 'CSTO', { limit: 2, offset: 1 }).hits.map((h) => h.id)).toEqual(all.slice(1, 3));
  });

  it('counts facets and months over the whole result set, not the page', () => {
    const query = 'CSTO OR ОДКБ';
    const page = searchArchive(index, query, { limit: 1 });
    const docs = ids(query).map((id) => CORPUS.find((d) => d.id === id) as SearchDoc);
    expect(page.total).toBe(docs.length);
    expect(page.hits).toHaveLength(1);
    const armenia = docs.filter((d) => d.tags.state.includes('Armenia')).length;
    expect(page.facets.state.find((f) => f.value === 'Armenia')?.count).toBe(armenia);
    const september = docs.filter((d) => d.date?.startsWith('2024-09')).length;
    expect(page.months.find((m) => m.month === '2024-09')?.count).toBe(september);
    expect(page.facets.year.reduce((sum, f) => sum + f.count, 0)).toBe(docs.filter((d) => d.date).length);
    const counts = page.facets.state.map((f) => f.count);
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
  });

  it('reports a malformed query as a typed error with its position', () => {
    const result = searchArchive(index, 'Armenia date:2021-13');
    expect(result.error).toMatchObject({ code: 'invalid-date', position: 13 });
    expect(result.total).toBe(0);
  });
});

describe('searchArchive: snippets', () => {
  it('highlights the surface words matched through translit, stemming, prefix and typos', () => {
    expect(highlightedWords(searchArchive(index, 'Bordyuzha'), 'ru-armenia')).toEqual(['Бордюжей']);
    expect(highlightedWords(searchArchive(index, 'Tasmagambetov'), 'ru-rock')).toEqual(['Тасмагамбетов']);
    expect(highlightedWords(searchArchive(index, 'учения'), 'ru-interaction')).toEqual(['учения', 'учений']);
    expect(highlightedWords(searchArchive(index, 'Khachaturv'), 'en-anniversary')).toEqual(['Khachaturov']);
    expect(highlightedWords(searchArchive(index, '"Crisis Response Centre"'), 'en-crisis')).toEqual(['Crisis', 'Response', 'Centre']);
  });

  it('cuts a window of about 200 characters around the match, at word boundaries', () => {
    const hit = searchArchive(index, 'Semerikov').hits[0];
    expect(hit?.id).toBe('ru-military-committee');
    const text = hit?.snippet.text ?? '';
    expect(text.length).toBeLessThanOrEqual(202);
    expect(text.startsWith('…')).toBe(true);
    expect(formatSnippet(hit?.snippet ?? { text: '', highlights: [] }, '<b>', '</b>')).toContain('<b>Семериков</b>');
    const source = CORPUS.find((d) => d.id === 'ru-military-committee')?.text ?? '';
    expect(source).toContain(text.replace(/^…/, '').replace(/…$/, ''));
  });

  it('falls back to the title when only the title matched, and to the text start for filters', () => {
    expect(highlightedWords(searchArchive(index, 'годовщина'), 'ru-joint-staff')).toEqual(['годовщина']);
    const hit = searchArchive(index, 'status:starred').hits.find((h) => h.id === 'en-rock');
    expect(hit?.snippet.highlights).toEqual([]);
    expect(hit?.snippet.text.startsWith('The CSTO Secretary General')).toBe(true);
  });
});

describe('search index lifecycle', () => {
  const queries = ['', 'Tasmagambetov', 'учения -Эшелон', 'state:armenia OR year:2025', 'quartr', '"Joint Staff"'];

  it('gives identical results after serialize and load', () => {
    const loaded = loadSearchIndex(serializeSearchIndex(index));
    for (const query of queries) expect(searchArchive(loaded, query)).toEqual(searchArchive(index, query));
  });

  it('rejects a damaged or older saved index with a typed error', () => {
    expect(() => loadSearchIndex('{')).toThrow(SearchIndexLoadError);
    const older = JSON.stringify({ ...JSON.parse(serializeSearchIndex(createSearchIndex())), version: 0 });
    expect(() => loadSearchIndex(older)).toThrow(expect.objectContaining({ code: 'unsupported-index-version' }));
  });

  it('adds, replaces and removes docs incrementally like a fresh build', () => {
    const live = createSearchIndex(CORPUS.slice(0, 5));
    const extra: SearchDoc = { ...(CORPUS[5] as SearchDoc), id: 'new', text: 'Zhaparov received the ministers' };
    addOrReplaceDoc(live, extra);
    expect(searchArchive(live, 'Жапаров').hits.map((h) => h.id)).toEqual(['new']);
    addOrReplaceDoc(live, { ...extra, text: 'Lavrov met the ministers' });
    expect(searchArchive(live, 'Zhaparov').total).toBe(0);
    expect(searchArchive(live, 'Лавров').hits.map((h) => h.id)).toEqual(['new']);
    removeDoc(live, 'new');
    removeDoc(live, 'never-added');
    expect(searchArchive(live, 'Lavrov').total).toBe(0);
    const fresh = createSearchIndex(CORPUS.slice(0, 5));
    for (const query of queries) expect(searchArchive(live, query)).toEqual(searchArchive(fresh, query));
  });
});
