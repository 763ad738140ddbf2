import { describe, expect, it } from 'vitest';
import type { ProbeRequest } from './probe-state';
import { measureOutsideWorker, placeLongestTasks } from './probe-state';

const request = (type: ProbeRequest['type'], sentAt: number, repliedAt: number | null): ProbeRequest => ({ id: sentAt, type, sentAt, repliedAt });

describe('placeLongestTasks', () => {
  const requests = [request('version', 0, 1), request('rebuild', 100, 900), request('serialize', 900, 1000)];

  it('names the worker request each long task ran during, before or after, longest first', () => {
    const longTasks = [
      { start: 50, duration: 60 },
      { start: 400, duration: 70 },
      { start: 1200, duration: 3000 },
    ];
    expect(placeLongestTasks({ longTasks, requests })).toEqual([
      { startMs: 1200, durationMs: 3000, phase: 'after serialize replied' },
      { startMs: 400, durationMs: 70, phase: 'during rebuild' },
      { startMs: 50, durationMs: 60, phase: 'before rebuild sent' },
    ]);
  });

  it('keeps only as many tasks as asked, and says so when no worker request was made yet', () => {
    expect(placeLongestTasks({ longTasks: [{ start: 5, duration: 80 }, { start: 6, duration: 51 }], requests: [] }, 1)).toEqual([
      { startMs: 5, durationMs: 80, phase: 'no worker request yet' },
    ]);
  });
});

describe('measureOutsideWorker', () => {
  const search = (sentAt: number, repliedAt: number | null): ProbeRequest => ({ ...request('search', sentAt, repliedAt), query: 'x' });
  const key = (keyAt: number, shownAt: number | null) => ({ query: 'x', keyAt, inputAt: keyAt, shownAt, isMeasured: true });

  it('takes the worker span of the last reply before the results showed off each keystroke’s latency', () => {
    // Key at 0 shown at 50 (reply 5 → 40: 35 ms in the worker); key at 100 answered by the reply
    // sent at 130 (the one sent at 102 was superseded and replied later than the results showed).
    const requests = [search(5, 40), search(102, 200), search(130, 160)];
    expect(measureOutsideWorker([key(0, 50), key(100, 170)], requests)).toEqual([15, 40]);
  });

  it('skips a keystroke whose results never showed or came without a reply after it', () => {
    expect(measureOutsideWorker([key(0, null), key(100, 120)], [search(5, 40)])).toEqual([]);
  });
});
