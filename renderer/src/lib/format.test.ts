import { describe, expect, it } from 'vitest';
import { formatDate } from './format';

describe('formatDate', () => {
  it('shows each precision as written, without inventing a day', () => {
    expect(formatDate('2024-09-03')).toBe('3 Sep 2024');
    expect(formatDate('2024-09')).toBe('Sep 2024');
    expect(formatDate('2024')).toBe('2024');
    expect(formatDate(null)).toBe('Undated');
  });
});
