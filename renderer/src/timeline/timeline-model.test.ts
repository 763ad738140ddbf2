import { describe, expect, it } from 'vitest';
import { barAt, fillMonths, rangeBetween } from './timeline-model';

describe('timeline model', () => {
  it('fills empty months across a year boundary', () => {
    expect(fillMonths([{ month: '2024-01', count: 2 }, { month: '2023-11', count: 1 }])).toEqual([
      { month: '2023-11', count: 1 },
      { month: '2023-12', count: 0 },
      { month: '2024-01', count: 2 },
    ]);
  });

  it('turns a drag into an ordered month range', () => {
    const bars = fillMonths([{ month: '2021-01', count: 1 }, { month: '2021-06', count: 1 }]);
    expect(barAt(599, 600, bars.length)).toBe(5);
    expect(rangeBetween(bars, 4, 1)).toEqual({ from: '2021-02', to: '2021-05' });
  });
});
