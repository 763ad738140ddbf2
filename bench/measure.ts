// Timing, percentiles and heap figures for the benchmark.

/** Milliseconds since an arbitrary origin, sub-millisecond. */
export function now(): number {
  return performance.now();
}

/** Runs fn and returns its result with the milliseconds it took. */
export function timeIt<T>(fn: () => T): { value: T; ms: number } {
  const start = now();
  const value = fn();
  return { value, ms: now() - start };
}

/** Async version of timeIt. */
export async function timeItAsync<T>(fn: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const start = now();
  const value = await fn();
  return { value, ms: now() - start };
}

/** The p-th percentile (0–100) by the nearest-rank method; NaN for no samples. */
export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))] ?? Number.NaN;
}

/** True when the process runs with --expose-gc, so heap figures mean something. */
export function canCollectGarbage(): boolean {
  return typeof globalThis.gc === 'function';
}

/**
 * Memory in use after a full collection (twice: weak references and finalizers free more): the JS
 * heap plus external memory, which holds the backing stores of typed arrays an index may be made of.
 */
export function settledHeapBytes(): number {
  if (globalThis.gc) {
    globalThis.gc();
    globalThis.gc();
  }
  const usage = process.memoryUsage();
  return usage.heapUsed + usage.external;
}

/** Bytes to megabytes (MiB), rounded to 0.1. */
export function toMB(bytes: number): number {
  return round(bytes / 1024 / 1024, 1);
}

/** Rounds to a number of decimals. */
export function round(value: number, decimals = 2): number {
  const factor = 10 ** decimals;
  return Math.round(value * factor) / factor;
}

/** Size of a saved index in bytes, whether it is a string (UTF-8) or bytes. */
export function byteSize(saved: string | Uint8Array): number {
  return typeof saved === 'string' ? Buffer.byteLength(saved, 'utf8') : saved.byteLength;
}

/**
 * Overlap of two top-10 lists: shared ids over the longer list's length (1 when both are empty),
 * so a missing or a surplus result counts against it.
 */
export function computeTopOverlap(a: readonly string[], b: readonly string[], k = 10): number {
  const topA = a.slice(0, k);
  const topB = new Set(b.slice(0, k));
  const size = Math.max(topA.length, topB.size);
  if (size === 0) return 1;
  return topA.filter((id) => topB.has(id)).length / size;
}

/** True when both lists hold the same ids, in any order. */
export function hasSameIds(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  const set = new Set(a);
  return set.size === new Set(b).size && b.every((id) => set.has(id));
}
