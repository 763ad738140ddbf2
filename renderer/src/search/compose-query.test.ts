import { describe, expect, it } from 'vitest';
import { parseQuery } from '../../../shared/search/index';
import { composeQuery, quoteFilterValue, toggleFilter } from './compose-query';

describe('composeQuery', () => {
  it('returns the typed text alone when nothing is filtered', () => {
    expect(composeQuery('  summit  ', [], null)).toBe('summit');
  });

  it('ORs values of one facet and ANDs facets', () => {
    const query = composeQuery('', [
      { key: 'state', value: 'Armenia' },
      { key: 'organ', value: 'Joint Staff' },
      { key: 'state', value: 'Belarus' },
    ], null);
    expect(query).toBe('(state:Armenia OR state:Belarus) organ:"Joint Staff"');
    expect(parseQuery(query).ok).toBe(true);
  });

  it('groups the typed text so its OR cannot swallow a filter', () => {
    expect(composeQuery('a OR b', [{ key: 'year', value: '2024' }], { from: '2021-01', to: '2021-06' })).toBe(
      '(a OR b) year:2024 date:2021-01..2021-06',
    );
  });

  it('quotes values with spaces and drops stray quotes', () => {
    expect(quoteFilterValue('Crisis "Response" Centre')).toBe('"Crisis Response Centre"');
    expect(quoteFilterValue('Interaction-2024')).toBe('Interaction-2024');
  });
});

describe('toggleFilter', () => {
  it('adds a missing filter and removes a present one', () => {
    const on = toggleFilter([], { key: 'state', value: 'Armenia' });
    expect(on).toEqual([{ key: 'state', value: 'Armenia' }]);
    expect(toggleFilter(on, { key: 'state', value: 'Armenia' })).toEqual([]);
  });
});
