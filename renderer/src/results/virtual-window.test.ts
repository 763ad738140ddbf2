import { describe, expect, it } from 'vitest';
import { computeWindow, scrollToRow } from './virtual-window';

describe('computeWindow', () => {
  it('renders only the rows in view plus the overscan', () => {
    expect(computeWindow(10_000, 50, 5_000, 500, 5)).toEqual({ start: 95, end: 116, offset: 4_750, totalHeight: 500_000 });
  });

  it('never reaches past the list', () => {
    expect(computeWindow(3, 50, 0, 500)).toMatchObject({ start: 0, end: 3 });
    expect(computeWindow(0, 50, 100, 500)).toMatchObject({ start: 0, end: 0 });
  });
});

describe('scrollToRow', () => {
  it('scrolls up or down only as far as needed', () => {
    expect(scrollToRow(2, 50, 200, 300)).toBe(100);
    expect(scrollToRow(10, 50, 0, 300)).toBe(250);
    expect(scrollToRow(3, 50, 100, 300)).toBeNull();
  });
});
