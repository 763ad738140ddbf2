// The benchmark's command line (see bench/index.ts for the flags).
import { DEFAULT_SEED } from './generate';
import type { BenchOptions } from './run';

export interface CliOptions extends Omit<BenchOptions, 'log'> {
  isJson: boolean;
  sweep: number[] | null;
  outDir: string;
}

const DEFAULT_IMPORT_ITEMS = 2000;
const DEFAULT_AGREEMENT_ITEMS = 10_000;

function readNumber(args: string[], name: string, fallback: number): number {
  const at = args.indexOf(`--${name}`);
  if (at === -1) return fallback;
  const value = Number(args[at + 1]);
  if (!Number.isInteger(value) || value < 0) throw new Error(`--${name} needs a whole number, got ${String(args[at + 1])}`);
  return value;
}

/** Reads the command line. */
export function parseCliArgs(args: string[]): CliOptions {
  const items = readNumber(args, 'items', 10_000);
  const sweepAt = args.indexOf('--sweep');
  const outAt = args.indexOf('--out-dir');
  return {
    items,
    queries: readNumber(args, 'queries', 200),
    seed: readNumber(args, 'seed', DEFAULT_SEED),
    skipRaw: args.includes('--skip-raw'),
    rawQueries: args.includes('--raw-queries') ? readNumber(args, 'raw-queries', 0) : null,
    skipSave: args.includes('--skip-save'),
    importItems: readNumber(args, 'import-items', Math.min(items, DEFAULT_IMPORT_ITEMS)),
    skipImport: args.includes('--skip-import'),
    skipAgreement: args.includes('--skip-agreement'),
    agreementItems: readNumber(args, 'agreement-items', DEFAULT_AGREEMENT_ITEMS),
    isJson: args.includes('--json'),
    sweep: sweepAt === -1 ? null : (args[sweepAt + 1] ?? '').split(',').map(Number).filter((n) => n > 0),
    outDir: outAt === -1 ? 'docs' : (args[outAt + 1] ?? 'docs'),
  };
}
