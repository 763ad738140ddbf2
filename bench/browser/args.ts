// The browser benchmark's command line (see bench/browser/index.ts for the flags).
import { DEFAULT_SEED } from '../generate';

export interface BrowserBenchOptions {
  items: number;
  seed: number;
  /** Queries typed character by character in the warm run. */
  queries: number;
  /** Simulated user's pause between two keys. */
  keyDelayMs: number;
  /** Mouse-wheel steps while scrolling the broad query's results. */
  scrollSteps: number;
  isJson: boolean;
  /** Reuse (or create once) the generated archive in this folder. */
  keepDir: string | null;
  /** Skip `electron-vite build` and serve out/renderer as it is. */
  isPrebuilt: boolean;
  /** Write CPU profiles of the page's warm start and typing here (Chrome DevTools .cpuprofile). */
  profileDir: string | null;
  /** Write a Chrome trace of the typing here and split its long tasks by trace event (instead of profiling the typing). */
  traceDir: string | null;
}

export class BrowserBenchArgsError extends Error {
  readonly code = 'bad-arguments';
}

const FLAGS_WITH_VALUE = new Set(['items', 'seed', 'queries', 'key-delay', 'scroll-steps', 'keep', 'profile', 'trace']);
const SWITCHES = new Set(['json', 'prebuilt']);

function readWhole(values: Map<string, string>, name: string, fallback: number, min: number): number {
  const raw = values.get(name);
  if (raw === undefined) return fallback;
  const value = Number(raw.replace(/_/g, ''));
  if (!Number.isInteger(value) || value < min) throw new BrowserBenchArgsError(`--${name} needs a whole number ≥ ${min}, got "${raw}"`);
  return value;
}

function collectFlags(args: readonly string[]): { values: Map<string, string>; switches: Set<string> } {
  const values = new Map<string, string>();
  const switches = new Set<string>();
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] ?? '';
    const name = arg.startsWith('--') ? arg.slice(2) : '';
    if (SWITCHES.has(name)) switches.add(name);
    else if (FLAGS_WITH_VALUE.has(name)) {
      const value = args[++i];
      if (value === undefined || value.startsWith('--')) throw new BrowserBenchArgsError(`--${name} needs a value`);
      values.set(name, value);
    } else throw new BrowserBenchArgsError(`unknown argument "${arg}"`);
  }
  return { values, switches };
}

/** Reads `--items N --seed S --queries N --key-delay MS --scroll-steps N --json --keep DIR --prebuilt --profile DIR --trace DIR`. */
export function parseBrowserBenchArgs(args: readonly string[]): BrowserBenchOptions {
  const { values, switches } = collectFlags(args);
  return {
    items: readWhole(values, 'items', 100_000, 1),
    seed: readWhole(values, 'seed', DEFAULT_SEED, 0),
    queries: readWhole(values, 'queries', 40, 1),
    keyDelayMs: readWhole(values, 'key-delay', 120, 0),
    scrollSteps: readWhole(values, 'scroll-steps', 150, 1),
    isJson: switches.has('json'),
    keepDir: values.get('keep') ?? null,
    isPrebuilt: switches.has('prebuilt'),
    profileDir: values.get('profile') ?? null,
    traceDir: values.get('trace') ?? null,
  };
}
