// Seeded randomness for generated test data, benchmarks and crash tests: the same seed gives the
// same numbers on any machine.

/** A seeded source of numbers in [0, 1). */
export type Random = () => number;

/** Creates a seeded random source (mulberry32: small, fast and good enough for test data). */
export function createRandom(seed: number): Random {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
