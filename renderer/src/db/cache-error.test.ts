import { describe, expect, it } from 'vitest';
import { computeBackoff, createRetryTimer } from './backoff';
import { CacheError, toCacheError } from './cache-error';

describe('toCacheError', () => {
  it('reads a full quota anywhere in Dexie’s chain of errors, whatever the phase', () => {
    const dexieAbort = Object.assign(new Error('Transaction aborted'), { name: 'AbortError', inner: new DOMException('The quota has been exceeded.', 'QuotaExceededError') });
    expect(toCacheError(dexieAbort, 'use').code).toBe('cache-full');
    expect(toCacheError(new DOMException('quota', 'QuotaExceededError'), 'open').code).toBe('cache-full');
  });

  it('calls a refused open unavailable and a failure in use failed, naming the browser’s error', () => {
    const refused = toCacheError(Object.assign(new Error('open failed'), { name: 'OpenFailedError', inner: new DOMException('denied', 'InvalidStateError') }), 'open');
    expect(refused.code).toBe('cache-unavailable');
    expect(refused.message).toContain('InvalidStateError: denied');
    expect(toCacheError(Object.assign(new Error('Database has been closed'), { name: 'DatabaseClosedError' }), 'use').code).toBe('cache-failed');
    expect(toCacheError('weird', 'use')).toBeInstanceOf(CacheError);
  });

  it('keeps a CacheError as it is', () => {
    const error = new CacheError('cache-full', 'full');
    expect(toCacheError(error, 'open')).toBe(error);
  });
});

describe('backoff', () => {
  it('grows by the factor and stops at the maximum', () => {
    const policy = { firstMs: 5_000, factor: 3, maxMs: 300_000 };
    expect([0, 1, 2, 3, 4, 9].map((n) => computeBackoff(n, policy))).toEqual([5_000, 15_000, 45_000, 135_000, 300_000, 300_000]);
  });

  it('asks for the next delay on each schedule and starts over after a reset', async () => {
    const asked: number[] = [];
    const timer = createRetryTimer((attempt) => {
      asked.push(attempt);
      return 1;
    }, () => 1_000);
    let runs = 0;
    expect(timer.schedule(() => runs++)).toBe(1_001);
    expect(timer.isScheduled()).toBe(true);
    timer.schedule(() => runs++);
    await new Promise((r) => setTimeout(r, 10));
    expect(runs).toBe(1);
    timer.reset();
    timer.schedule(() => runs++);
    timer.cancel();
    expect(timer.isScheduled()).toBe(false);
    expect(asked).toEqual([0, 1, 0]);
  });
});
