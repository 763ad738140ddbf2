// Summaries of what the page recorded: latencies, frame times, long tasks.
import { percentile } from '../measure';

export interface LatencySummary {
  count: number;
  p50Ms: number;
  p95Ms: number;
  maxMs: number;
}

export interface LongTaskSummary {
  /** Long tasks the browser reported (all are ≥ 50 ms by definition). */
  over50: number;
  over100: number;
  maxMs: number;
  totalMs: number;
}

export interface FrameSummary {
  frames: number;
  p50Ms: number;
  p95Ms: number;
  maxMs: number;
  /** Frames that took longer than two 60 Hz frames (a visible stutter). */
  over33: number;
}

function roundTo(value: number, decimals: number): number {
  if (!Number.isFinite(value)) return value;
  const factor = 10 ** decimals;
  return Math.round(value * factor) / factor;
}

/** p50, p95 and max of millisecond samples (NaN when there are none), rounded to 0.1 ms. */
export function summarizeLatencies(samples: readonly number[]): LatencySummary {
  return {
    count: samples.length,
    p50Ms: roundTo(percentile(samples, 50), 1),
    p95Ms: roundTo(percentile(samples, 95), 1),
    maxMs: roundTo(samples.length ? Math.max(...samples) : Number.NaN, 1),
  };
}

/** Counts long-task durations above 50 and 100 ms; the browser reports only tasks of 50 ms or more. */
export function summarizeLongTasks(durations: readonly number[]): LongTaskSummary {
  return {
    over50: durations.filter((d) => d > 50).length,
    over100: durations.filter((d) => d > 100).length,
    maxMs: roundTo(durations.length ? Math.max(...durations) : 0, 1),
    totalMs: roundTo(durations.reduce((sum, d) => sum + d, 0), 1),
  };
}

/** Frame times from requestAnimationFrame timestamps: the deltas between consecutive frames. */
export function summarizeFrames(timestamps: readonly number[]): FrameSummary {
  const deltas: number[] = [];
  for (let i = 1; i < timestamps.length; i++) deltas.push((timestamps[i] ?? 0) - (timestamps[i - 1] ?? 0));
  return {
    frames: deltas.length,
    p50Ms: roundTo(percentile(deltas, 50), 1),
    p95Ms: roundTo(percentile(deltas, 95), 1),
    maxMs: roundTo(deltas.length ? Math.max(...deltas) : Number.NaN, 1),
    over33: deltas.filter((d) => d > 33.4).length,
  };
}
