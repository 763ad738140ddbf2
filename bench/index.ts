// npm run bench -- [--items N] [--queries N] [--seed S] [--json] [--skip-raw] [--raw-queries N] [--skip-save]
//                  [--import-items N] [--skip-import] [--skip-agreement] [--agreement-items N]
//                  [--sweep 1000,10000,100000,1000000] [--out-dir docs]
// Progress goes to stderr; stdout holds the report (or, with --json, only the JSON).
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { type SweepPoint, formatSweepCsv, renderLatencyChart } from './chart';
import { type CliOptions, parseCliArgs } from './cli-args';
import { formatJson, formatReport } from './report';
import { type BenchResult, runBench } from './run';

function log(line: string): void {
  process.stderr.write(`[bench] ${line}\n`);
}

// Raw MiniSearch takes seconds per query at a million items: there it runs a share of the mix
// unless --raw-queries says otherwise. Saving is skipped there too: neither saved form fits in one
// string or Uint8Array at that size (the attempt costs minutes and gigabytes, then fails).
const LARGE_SWEEP_ITEMS = 1_000_000;
const LARGE_SWEEP_RAW_QUERIES = 50;

// Each size runs in its own process, so one size's garbage never weighs on the next one's figures.
function runSize(options: CliOptions, items: number): BenchResult {
  const args = [...process.execArgv, process.argv[1] ?? 'bench/index.ts', '--json', '--items', String(items),
    '--queries', String(options.queries), '--seed', String(options.seed), '--skip-import', '--skip-agreement'];
  if (options.skipRaw) args.push('--skip-raw');
  if (options.skipSave || items >= LARGE_SWEEP_ITEMS) args.push('--skip-save');
  const rawQueries = options.rawQueries ?? (items >= LARGE_SWEEP_ITEMS ? LARGE_SWEEP_RAW_QUERIES : null);
  if (rawQueries !== null) args.push('--raw-queries', String(rawQueries));
  const child = spawnSync(process.execPath, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 64 * 1024 * 1024 });
  if (child.status !== 0) throw new Error(`the ${items}-item run failed (exit ${String(child.status)})`);
  return JSON.parse(child.stdout) as BenchResult;
}

function runSweep(options: CliOptions): void {
  const results = options.sweep?.map((items) => {
    log(`sweep: ${items} items`);
    return runSize(options, items);
  }) ?? [];
  const points: SweepPoint[] = results.map((r) => ({
    items: r.items,
    app: { p50Ms: r.app.p50Ms, p95Ms: r.app.p95Ms },
    raw: r.raw ? { p50Ms: r.raw.p50Ms, p95Ms: r.raw.p95Ms } : null,
  }));
  mkdirSync(options.outDir, { recursive: true });
  writeFileSync(join(options.outDir, 'performance-sweep.json'), `${JSON.stringify(results, null, 2)}\n`);
  writeFileSync(join(options.outDir, 'performance-sweep.csv'), formatSweepCsv(points));
  const title = `Query latency against archive size (${options.queries} queries, ${results[0]?.machine.cpus ?? '?'} cores)`;
  writeFileSync(join(options.outDir, 'performance-latency.svg'), renderLatencyChart(points, title));
  process.stdout.write(formatSweepCsv(points));
  log(`sweep written to ${options.outDir}/performance-sweep.{json,csv} and performance-latency.svg`);
}

async function main(): Promise<void> {
  const options = parseCliArgs(process.argv.slice(2));
  if (options.sweep) {
    runSweep(options);
    return;
  }
  const result = await runBench({ ...options, log });
  process.stdout.write(options.isJson ? formatJson(result) : `${formatReport(result)}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
