import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SEED } from '../generate';
import { BrowserBenchArgsError, parseBrowserBenchArgs } from './args';

describe('parseBrowserBenchArgs', () => {
  it('defaults to the issue figures: 100,000 items, 40 queries, a key every 120 ms', () => {
    expect(parseBrowserBenchArgs([])).toEqual({
      items: 100_000,
      seed: DEFAULT_SEED,
      queries: 40,
      keyDelayMs: 120,
      scrollSteps: 150,
      isJson: false,
      keepDir: null,
      isPrebuilt: false,
      profileDir: null,
      traceDir: null,
    });
  });

  it('reads every flag, in any order, with underscores allowed in numbers', () => {
    const options = parseBrowserBenchArgs(['--json', '--keep', '/tmp/k', '--items', '10_000', '--seed', '7', '--prebuilt', '--key-delay', '0', '--queries', '3', '--scroll-steps', '9', '--trace', '/tmp/t', '--profile', '/tmp/p']);
    expect(options).toMatchObject({ items: 10_000, seed: 7, queries: 3, keyDelayMs: 0, scrollSteps: 9, isJson: true, keepDir: '/tmp/k', isPrebuilt: true, traceDir: '/tmp/t', profileDir: '/tmp/p' });
  });

  it('refuses unknown flags, missing values and numbers that are not whole', () => {
    expect(() => parseBrowserBenchArgs(['--itemz', '5'])).toThrow(BrowserBenchArgsError);
    expect(() => parseBrowserBenchArgs(['items', '5'])).toThrow(/unknown argument "items"/);
    expect(() => parseBrowserBenchArgs(['--items'])).toThrow(/needs a value/);
    expect(() => parseBrowserBenchArgs(['--items', '--json'])).toThrow(/needs a value/);
    expect(() => parseBrowserBenchArgs(['--items', '0'])).toThrow(/≥ 1/);
    expect(() => parseBrowserBenchArgs(['--items', '1.5'])).toThrow(/whole number/);
  });

  it('reads back any whole item count it is given', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 10_000_000 }), (n) => parseBrowserBenchArgs(['--items', String(n)]).items === n));
  });
});
