import { describe, expect, it } from 'vitest';
import { checkTargets } from './report';
import type { WarmFigures } from './start-runs';
import type { TypingFigures } from './typing';

const none = { over50: 0, over100: 0, maxMs: 0, totalMs: 0 };

function figures(firstResultsMs: number, p95Ms: number, over100: number): [WarmFigures, TypingFigures] {
  const warm = { navigationToFirstResultsMs: firstResultsMs } as WarmFigures;
  const typing = { keyToResults: { count: 10, p50Ms: 1, p95Ms, maxMs: p95Ms }, longTasks: { ...none, over100 } } as TypingFigures;
  return [warm, typing];
}

describe('checkTargets', () => {
  it('meets the issue’s targets at their limits', () => {
    expect(checkTargets(...figures(1500, 50, 0)).every((t) => t.isMet)).toBe(true);
  });

  it('misses each target just past its limit, independently', () => {
    expect(checkTargets(...figures(1501, 50, 0)).map((t) => t.isMet)).toEqual([false, true, true]);
    expect(checkTargets(...figures(900, 50.1, 0)).map((t) => t.isMet)).toEqual([true, false, true]);
    expect(checkTargets(...figures(900, 20, 1)).map((t) => t.isMet)).toEqual([true, true, false]);
  });

  it('counts a figure that could not be measured as missed', () => {
    expect(checkTargets(...figures(Number.NaN, Number.NaN, 0)).map((t) => t.isMet)).toEqual([false, false, true]);
  });
});
