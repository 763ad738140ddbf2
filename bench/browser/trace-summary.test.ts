import { describe, expect, it } from 'vitest';
import { type TraceEvent, formatTracedTask, summarizeTraceTasks } from './trace-summary';

const PAGE = { pid: 7, tid: 1 };
const event = (name: string, ts: number, dur: number, where = PAGE): TraceEvent => ({ name, ph: 'X', ts, dur, ...where });

describe('summarizeTraceTasks', () => {
  it('splits each long task of the page’s main thread into the self time of the events it ran', () => {
    const events: TraceEvent[] = [
      { name: 'thread_name', ph: 'M', ts: 0, ...PAGE, args: { name: 'CrRendererMain' } },
      // A 100 ms task: a script (30 ms, of which a forced layout 10 ms), style 20 ms, a GC 40 ms.
      event('RunTask', 1_000_000, 100_000),
      event('FunctionCall', 1_000_000, 30_000),
      event('Layout', 1_010_000, 10_000),
      event('UpdateLayoutTree', 1_030_000, 20_000),
      event('MajorGC', 1_050_000, 40_000),
      // Too short to count, and a long task of another process.
      event('RunTask', 2_000_000, 20_000),
      event('RunTask', 3_000_000, 90_000, { pid: 8, tid: 1 }),
    ];
    const [task, ...rest] = summarizeTraceTasks(events);
    expect(rest).toEqual([]);
    expect(task).toEqual({
      startMs: 1000,
      durationMs: 100,
      parts: [
        { name: 'MajorGC', ms: 40 },
        { name: 'FunctionCall', ms: 20 },
        { name: 'UpdateLayoutTree', ms: 20 },
        { name: '(task)', ms: 10 },
        { name: 'Layout', ms: 10 },
      ],
    });
    expect(formatTracedTask(task!)).toBe('100 ms: MajorGC 40 ms, FunctionCall 20 ms, UpdateLayoutTree 20 ms, (task) 10 ms, Layout 10 ms');
  });

  it('finds nothing without a renderer main thread', () => {
    expect(summarizeTraceTasks([event('RunTask', 0, 200_000)])).toEqual([]);
  });
});
