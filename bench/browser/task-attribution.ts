// What a long task was: the CPU profile's samples inside the task's span (page clock), summarised
// as the functions with the most self time and the app's own frames (source-mapped renderer code)
// with the most inclusive time — "ResultList 60 ms, (garbage collector) 40 ms" instead of a bare
// duration.
import type { CpuProfile, CpuProfileNode } from './cpu-profile';

type Locate = (url: string, line: number, column: number) => string;

export interface TimedTask {
  /** Page clock (performance.now()), ms. */
  start: number;
  duration: number;
}

export interface TaskShare {
  name: string;
  ms: number;
}

export interface TaskAttribution {
  startMs: number;
  durationMs: number;
  /** Profiled time found inside the task (close to its duration when the clocks line up). */
  sampledMs: number;
  /**
   * The longest wait between two samples inside the task. The sampler interrupts the page's thread
   * every 0.25 ms while it runs: a gap of tens of ms means the thread was not running (another
   * process had the CPU), and the gap's time is put on whatever ran next, usually "(program)".
   */
  maxGapMs: number;
  /** Functions by self time ("(garbage collector)", "(program)": native work such as layout). */
  self: TaskShare[];
  /** The app's own functions (sources under renderer/ or bench/) by inclusive time. */
  app: TaskShare[];
}

const APP_SOURCE = /[(\s](renderer|bench)\//;

function nameFrame(node: CpuProfileNode, locate: Locate): string {
  const frame = node.callFrame;
  const name = frame.functionName || '(anonymous)';
  return frame.url ? `${name} (${locate(frame.url, frame.lineNumber, frame.columnNumber)})` : name;
}

function rank(shares: Map<string, number>, top: number): TaskShare[] {
  return [...shares]
    .map(([name, us]) => ({ name, ms: Math.round(us / 100) / 10 }))
    .sort((a, b) => b.ms - a.ms)
    .slice(0, top);
}

// The page's clock at the profile's start is read just after the profiler started, a few to tens of
// milliseconds late when the page is busy: shift the samples by the offset (within ±MAX_SHIFT_MS)
// that puts the most non-idle time inside the tasks (a long task has no idle sample).
const MAX_SHIFT_MS = 250;

function lowerBound(sorted: readonly number[], value: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((sorted[mid] ?? 0) < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The shift (ms, added to the sample times) that best lines the profile's busy samples up with the tasks. */
export function findBestShift(times: readonly number[], busyUs: readonly number[], tasks: readonly TimedTask[]): number {
  if (tasks.length === 0) return 0;
  const prefix = [0];
  busyUs.forEach((us, i) => prefix.push((prefix[i] ?? 0) + us));
  const busyIn = (from: number, to: number) => (prefix[lowerBound(times, to)] ?? 0) - (prefix[lowerBound(times, from)] ?? 0);
  let best = { shift: 0, busy: -1 };
  for (let shift = -MAX_SHIFT_MS; shift <= MAX_SHIFT_MS; shift++) {
    const busy = tasks.reduce((sum, t) => sum + busyIn(t.start - shift, t.start + t.duration - shift), 0);
    // Ties go to the smallest shift: the measured clock is only ever a little late.
    if (busy > best.busy || (busy === best.busy && Math.abs(shift) < Math.abs(best.shift))) best = { shift, busy };
  }
  return best.shift;
}

function listParents(profile: CpuProfile): Map<number, number> {
  const parents = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parents.set(child, node.id);
  return parents;
}

/**
 * Attributes each task to the samples the profile took during it. `pageTimeAtStart` is the page's
 * performance.now() when the profile started (profile.startTime on the profiler's clock).
 */
export function attributeTasks(profile: CpuProfile, pageTimeAtStart: number, tasks: readonly TimedTask[], locate: Locate, top = 4): TaskAttribution[] {
  const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
  const parents = listParents(profile);
  const names = new Map<number, string>();
  const nameOf = (id: number) => {
    let name = names.get(id);
    if (name === undefined) names.set(id, (name = nameFrame(nodes.get(id) as CpuProfileNode, locate)));
    return name;
  };
  // Sample i is taken at startTime + the sum of the deltas up to i (µs); page time = start + offset.
  const measured: number[] = [];
  let at = profile.startTime ?? 0;
  for (const delta of profile.timeDeltas ?? []) measured.push(pageTimeAtStart + ((at += delta) - (profile.startTime ?? 0)) / 1000);
  const samples = profile.samples ?? [];
  const busyUs = samples.map((id, i) => (nodes.get(id)?.callFrame.functionName === '(idle)' ? 0 : (profile.timeDeltas?.[i] ?? 0)));
  const shift = findBestShift(measured, busyUs, tasks);
  const times = measured.map((t) => t + shift);
  return tasks.map((task) => {
    const self = new Map<string, number>();
    const app = new Map<string, number>();
    let sampledUs = 0;
    let maxGapUs = 0;
    (profile.samples ?? []).forEach((id, i) => {
      const time = times[i] ?? Number.NaN;
      if (!(time >= task.start && time < task.start + task.duration) || !nodes.has(id)) return;
      const us = profile.timeDeltas?.[i] ?? 0;
      sampledUs += us;
      maxGapUs = Math.max(maxGapUs, us);
      self.set(nameOf(id), (self.get(nameOf(id)) ?? 0) + us);
      const seen = new Set<string>();
      for (let node: number | undefined = id; node !== undefined; node = parents.get(node)) {
        const name = nameOf(node);
        if (APP_SOURCE.test(name) && !seen.has(name)) {
          seen.add(name);
          app.set(name, (app.get(name) ?? 0) + us);
        }
      }
    });
    return { startMs: Math.round(task.start), durationMs: Math.round(task.duration), sampledMs: Math.round(sampledUs / 1000), maxGapMs: Math.round(maxGapUs / 1000), self: rank(self, top), app: rank(app, top) };
  });
}

/** One line per task: "12345 ms: 154 ms — self: f 80 ms, g 20 ms; app: ResultList 70 ms". */
export function formatAttribution(task: TaskAttribution): string {
  const list = (shares: TaskShare[]) => shares.map((s) => `${s.name.replace(/ \(.*?([^/ ]+:\d+)\)$/, ' ($1)')} ${s.ms} ms`).join(', ') || '–';
  return `${task.startMs} ms: ${task.durationMs} ms (sampled ${task.sampledMs} ms, longest gap ${task.maxGapMs} ms) — self: ${list(task.self)}; app: ${list(task.app)}`;
}
