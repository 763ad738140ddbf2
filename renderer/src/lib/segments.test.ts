import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { highlightRanges, locateHighlight, splitByRanges } from './segments';

describe('splitByRanges', () => {
  it('marks the ranges and keeps the text between them', () => {
    expect(splitByRanges('CSTO exercise Interaction', [[5, 13]])).toEqual([
      { text: 'CSTO ', isMarked: false, range: -1 },
      { text: 'exercise', isMarked: true, range: 0 },
      { text: ' Interaction', isMarked: false, range: -1 },
    ]);
  });

  it('keeps markup-like text as plain text', () => {
    const segments = splitByRanges('<img src=x onerror=alert(1)>', [[1, 4]]);
    expect(segments.map((s) => s.text).join('')).toBe('<img src=x onerror=alert(1)>');
  });

  it('drops ranges that overlap an earlier one and clips ranges past the end', () => {
    const segments = splitByRanges('abcdef', [[1, 4], [2, 5], [5, 99]]);
    expect(segments.filter((s) => s.isMarked).map((s) => s.text)).toEqual(['bcd', 'f']);
  });

  it('answers one unmarked segment for an empty text', () => {
    expect(splitByRanges('', [[0, 3]])).toEqual([{ text: '', isMarked: false, range: -1 }]);
  });

  it('always reassembles the original text', () => {
    fc.assert(
      fc.property(fc.string(), fc.array(fc.tuple(fc.integer({ min: -5, max: 60 }), fc.integer({ min: -5, max: 60 }))), (text, ranges) => {
        const segments = splitByRanges(text, ranges);
        expect(segments.map((s) => s.text).join('')).toBe(text);
      }),
    );
  });
});

describe('locateHighlight', () => {
  it('uses the stored offset when the quote is there', () => {
    expect(locateHighlight('a b a b', 'a b', 4)).toEqual([4, 7]);
  });

  it('falls back to the nearest occurrence when the text moved', () => {
    expect(locateHighlight('xx summit yy summit', 'summit', 12)).toEqual([13, 19]);
  });

  it('finds nothing when the quote is gone', () => {
    expect(locateHighlight('nothing here', 'summit', 0)).toBeNull();
    expect(highlightRanges('nothing here', [{ quote: 'summit', start: 0 }])).toEqual([[0, 0]]);
  });
});
