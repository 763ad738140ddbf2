import { describe, expect, it } from 'vitest';
import { emptyTags } from '../model';
import type { ParsedPage } from './index';
import { type ExpectedPage, compareWithSeed, foldForMatch } from './seed-compare';

function page(items: { title: string | null; text: string; date: string | null; state?: string[] }[]): ParsedPage {
  return {
    lang: 'en',
    url: null,
    items: items.map((i) => ({ ...i, datePrecision: i.date ? 'day' : null, lang: 'en', tags: { ...emptyTags(), state: i.state ?? [] } })),
  };
}

const expected: ExpectedPage = {
  url: null,
  lang: 'en',
  items: [{ anchor: 'The “CSTO” met\u00a0in Moscow — today', title: null, date: '2024-01-02', states: ['Russia'], organs: [], exercises: [] }],
};

describe('seed comparison', () => {
  it('folds no-break spaces, typographic quotes, dashes and case', () => {
    expect(foldForMatch('A\u00a0 “B” — c')).toBe('a "b" - c');
  });

  it('accepts an item whose text holds the anchor in plain typography', () => {
    expect(compareWithSeed(page([{ title: null, text: 'the "CSTO" met in moscow - today.', date: '2024-01-02', state: ['Russia'] }]), expected)).toEqual([]);
  });

  it('reports a missed item, a spurious item, a wrong date and a wrong facet', () => {
    const problems = compareWithSeed(page([{ title: null, text: 'Something else.', date: null }]), expected);
    expect(problems.some((p) => p.includes('missed'))).toBe(true);
    expect(problems.some((p) => p.includes('spurious'))).toBe(true);
    const wrong = compareWithSeed(page([{ title: null, text: 'The "CSTO" met in Moscow - today', date: '2024-01-03' }]), expected);
    expect(wrong.some((p) => p.includes('date'))).toBe(true);
    expect(wrong.some((p) => p.includes('states'))).toBe(true);
  });
});
