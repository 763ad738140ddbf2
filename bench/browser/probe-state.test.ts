import { describe, expect, it } from 'vitest';
import type { ProbeRequest } from './probe-state';
import { placeLongestTasks } from './probe-state';

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
