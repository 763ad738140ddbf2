import { describe, expect, it } from 'vitest';
import type { CpuProfile } from './cpu-profile';
import { attributeTasks, findBestShift, formatAttribution } from './task-attribution';

const frame = (functionName: string, url = '') => ({ functionName, url, lineNumber: 0, columnNumber: 0 });
const locate = (url: string) => url;

// (root) → commitRoot (react) → ResultList (app) → MarkedText (app); (root) → (garbage collector).
const profile: CpuProfile = {
  startTime: 1_000_000,
  nodes: [
    { id: 1, callFrame: frame('(root)'), children: [2, 5, 6] },
    { id: 2, callFrame: frame('commitRoot', 'node_modules/react-dom/x.js'), children: [3] },
    { id: 3, callFrame: frame('ResultList', 'renderer/src/results/ResultList.tsx'), children: [4] },
    { id: 4, callFrame: frame('MarkedText', 'renderer/src/lib/MarkedText.tsx') },
    { id: 5, callFrame: frame('(garbage collector)') },
    { id: 6, callFrame: frame('(idle)') },
  ],
  // Samples at 10, 20, 30, 40, 50, 60 ms after the start (deltas in µs).
  samples: [6, 3, 4, 4, 5, 6],
  timeDeltas: [10_000, 10_000, 10_000, 10_000, 10_000, 10_000],
};

describe('attributeTasks', () => {
  it('counts only the samples inside each task, with self time per function and inclusive time per app frame', () => {
    // The profile started at page time 500: its samples fall at 510 … 560.
    const [task] = attributeTasks(profile, 500, [{ start: 515, duration: 40 }], locate);
    expect(task).toEqual({
      startMs: 515,
      durationMs: 40,
      sampledMs: 40,
      maxGapMs: 10,
      self: [
        { name: 'MarkedText (renderer/src/lib/MarkedText.tsx)', ms: 20 },
        { name: 'ResultList (renderer/src/results/ResultList.tsx)', ms: 10 },
        { name: '(garbage collector)', ms: 10 },
      ],
      app: [
        { name: 'ResultList (renderer/src/results/ResultList.tsx)', ms: 30 },
        { name: 'MarkedText (renderer/src/lib/MarkedText.tsx)', ms: 20 },
      ],
    });
  });

  it('finds nothing for a task outside the profile, and says so in its line', () => {
    const [task] = attributeTasks(profile, 500, [{ start: 5_000, duration: 120 }], locate);
    expect(task?.sampledMs).toBe(0);
    expect(formatAttribution(task!)).toBe('5000 ms: 120 ms (sampled 0 ms, longest gap 0 ms) — self: –; app: –');
  });
});

describe('findBestShift', () => {
  it('finds how late the page clock was read: the shift that puts the busy samples inside the tasks', () => {
    // One sample per ms from 0 to 999; busy from 100 to 199 and from 600 to 649 (sample time).
    const times = Array.from({ length: 1000 }, (_, i) => i);
    const busy = times.map((t) => ((t >= 100 && t < 200) || (t >= 600 && t < 650) ? 1000 : 0));
    // The probe saw those tasks 40 ms later on its clock.
    expect(findBestShift(times, busy, [{ start: 140, duration: 100 }, { start: 640, duration: 50 }])).toBe(40);
    expect(findBestShift(times, busy, [])).toBe(0);
  });
});
