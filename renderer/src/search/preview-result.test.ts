import { describe, expect, it } from 'vitest';
import { makeItem } from '../db/test-support';
import { toLeadSnippet, toPreviewResult } from './preview-result';

describe('start preview', () => {
  it('shows the beginning of a long text cut at a word, without highlights', () => {
    const text = `${'word '.repeat(60)}end`;
    const snippet = toLeadSnippet(text);
    expect(snippet.text.endsWith('word…')).toBe(true);
    expect(snippet.text.length).toBeLessThanOrEqual(201);
    expect(snippet.highlights).toEqual([]);
    expect(toLeadSnippet('  Short\n text ').text).toBe('Short text');
  });

  it('keeps the items in order with the whole count as the total', () => {
    const result = toPreviewResult({ total: 120, items: [makeItem('a0000002', 'Second', 'b'), makeItem('a0000001', 'First', 'a')] });
    expect(result.total).toBe(120);
    expect(result.hits.map((h) => [h.id, h.title, h.date])).toEqual([
      ['a0000002', 'Second', '2024-05-01'],
      ['a0000001', 'First', '2024-05-01'],
    ]);
  });
});
