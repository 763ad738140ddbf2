import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { summarizeFrames, summarizeLatencies, summarizeLongTasks } from './stats';

describe('summarizeLatencies', () => {
  it('takes nearest-rank percentiles and the maximum', () => {
    const samples = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(summarizeLatencies(samples)).toEqual({ count: 100, p50Ms: 50, p95Ms: 95, maxMs: 100 });
  });

  it('answers NaN figures for no samples rather than zeros that look like a fast run', () => {
    const summary = summarizeLatencies([]);
    expect(summary.count).toBe(0);
    expect(summary.p95Ms).toBeNaN();
    expect(summary.maxMs).toBeNaN();
  });

  it('keeps p50 ≤ p95 ≤ max for any samples', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 0, max: 1e5, noNaN: true }), { minLength: 1 }), (samples) => {
        const s = summarizeLatencies(samples);
        return s.p50Ms <= s.p95Ms && s.p95Ms <= s.maxMs;
      }),
    );
  });
});

describe('summarizeLongTasks', () => {
  it('counts tasks over 50 and over 100 ms and sums them', () => {
    expect(summarizeLongTasks([50, 51, 100, 100.5, 240])).toEqual({ over50: 4, over100: 2, maxMs: 240, totalMs: 541.5 });
  });

  it('reports no long task as zeros', () => {
    expect(summarizeLongTasks([])).toEqual({ over50: 0, over100: 0, maxMs: 0, totalMs: 0 });
  });
});

describe('summarizeFrames', () => {
  it('turns animation-frame timestamps into frame times and counts the stutters', () => {
    const timestamps = [0, 16.7, 33.4, 50, 100, 116.7];
    expect(summarizeFrames(timestamps)).toMatchObject({ frames: 5, p50Ms: 16.7, maxMs: 50, over33: 1 });
  });

  it('has no frame time for fewer than two frames', () => {
    expect(summarizeFrames([12]).frames).toBe(0);
    expect(summarizeFrames([12]).p95Ms).toBeNaN();
  });
});
