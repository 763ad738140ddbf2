// Seeded randomness for the benchmark: the same seed gives the same corpus and queries on any machine.

import type { Random } from '../shared/seeded-random';

export { createRandom, type Random } from '../shared/seeded-random';

/** An integer in [min, max]. */
export function pickInt(random: Random, min: number, max: number): number {
  return min + Math.floor(random() * (max - min + 1));
}

/** One element of a non-empty list. */
export function pickOne<T>(random: Random, list: readonly T[]): T {
  const value = list[Math.floor(random() * list.length)];
  if (value === undefined) throw new Error('pickOne: empty list');
  return value;
}

/**
 * Draws ranks 0..size-1 with probability ∝ 1/(rank+1)^exponent (Zipf's law, as word frequencies in
 * prose follow it). The cumulative table makes each draw a binary search.
 */
export function createZipf(random: Random, size: number, exponent = 1): () => number {
  const cumulative = new Float64Array(size);
  let total = 0;
  for (let rank = 0; rank < size; rank++) {
    total += 1 / (rank + 1) ** exponent;
    cumulative[rank] = total;
  }
  return () => {
    const target = random() * total;
    let lo = 0;
    let hi = size - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((cumulative[mid] ?? 0) < target) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
}
