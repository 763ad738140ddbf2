import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatSweepCsv, renderLatencyChart } from './chart';
import { parseCliArgs } from './cli-args';
import { computeTopOverlap, hasSameIds, percentile } from './measure';
import { measureEditDistances } from './reference';

function levenshtein(a: string, b: string): number {
  if (a === '') return b.length;
  if (b === '') return a.length;
  const cost = a[0] === b[0] ? 0 : 1;
  return Math.min(levenshtein(a.slice(1), b) + 1, levenshtein(a, b.slice(1)) + 1, levenshtein(a.slice(1), b.slice(1)) + cost);
}

describe('percentile', () => {
  it('returns a sample with at least p% of the samples at or below it', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 0, max: 1e4, noNaN: true }), { minLength: 1 }), fc.integer({ min: 1, max: 100 }), (samples, p) => {
        const value = percentile(samples, p);
        expect(samples).toContain(value);
        expect(samples.filter((s) => s <= value).length / samples.length).toBeGreaterThanOrEqual(p / 100);
      }),
    );
  });

  it('reads p50 and p95 of 1..100 as 50 and 95', () => {
    const samples = Array.from({ length: 100 }, (_, i) => 100 - i);
    expect([percentile(samples, 50), percentile(samples, 95), percentile(samples, 99)]).toEqual([50, 95, 99]);
  });
});

describe('agreement measures', () => {
  it('counts a missing or surplus top result against the overlap', () => {
    expect(computeTopOverlap(['a', 'b'], ['b', 'a'])).toBe(1);
    expect(computeTopOverlap([], [])).toBe(1);
    expect(computeTopOverlap([], ['a'])).toBe(0);
    expect(computeTopOverlap(['a', 'b', 'c', 'd'], ['a', 'b'])).toBe(0.5);
  });

  it('compares hit sets regardless of order and never equal with a missing hit', () => {
    expect(hasSameIds(['a', 'b'], ['b', 'a'])).toBe(true);
    expect(hasSameIds(['a', 'a'], ['a', 'b'])).toBe(false);
    expect(hasSameIds(['a'], ['a', 'b'])).toBe(false);
  });

  it('measures the edit distance to a word and to its closest prefix', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[abc]{0,6}$/), fc.stringMatching(/^[abc]{0,6}$/), (a, b) => {
        const { whole, prefix } = measureEditDistances(a, b);
        expect(whole).toBe(levenshtein(a, b));
        const prefixes = Array.from({ length: b.length + 1 }, (_, i) => levenshtein(a, b.slice(0, i)));
        expect(prefix).toBe(Math.min(...prefixes));
      }),
    );
  });
});

describe('report files', () => {
  const points = [
    { items: 1000, app: { p50Ms: 0.5, p95Ms: 2 }, raw: { p50Ms: 1, p95Ms: 9 } },
    { items: 10000, app: { p50Ms: 1, p95Ms: 4 }, raw: { p50Ms: 8, p95Ms: 80 } },
  ];

  it('draws one line per series and figure in the chart', () => {
    const svg = renderLatencyChart(points, 'Latency & size');
    expect(svg.startsWith('<svg')).toBe(true);
    expect(svg.match(/<path /g)).toHaveLength(4);
    expect(svg).toContain('Latency &amp; size');
    expect(svg).not.toContain('NaN');
  });

  it('writes one CSV row per archive size', () => {
    expect(formatSweepCsv(points).trim().split('\n')).toEqual([
      'items,app_p50_ms,app_p95_ms,raw_p50_ms,raw_p95_ms',
      '1000,0.5,2,1,9',
      '10000,1,4,8,80',
    ]);
  });
});

describe('parseCliArgs', () => {
  it('reads sizes, the sweep and the switches', () => {
    const options = parseCliArgs(['--items', '5000', '--json', '--skip-raw', '--sweep', '1000,10000']);
    expect(options).toMatchObject({ items: 5000, isJson: true, skipRaw: true, sweep: [1000, 10000], importItems: 2000, queries: 200 });
  });

  it('refuses a size that is not a whole number', () => {
    expect(() => parseCliArgs(['--items', 'many'])).toThrow(/--items/);
  });
});
