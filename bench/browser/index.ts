// npm run bench:browser -- [--items N] [--seed S] [--queries N] [--key-delay MS] [--scroll-steps N]
//                          [--json] [--keep DIR] [--prebuilt] [--profile DIR] [--trace DIR]
// What a user feels in browser mode (issue 4): the cold start of a fresh profile, the warm start with
// the saved index, keystroke to results while typing, and scrolling. Progress goes to stderr; stdout
// holds the table (or, with --json, the JSON). Exits non-zero when the run fails (not on a missed target).
import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { ROOT_DIR, binPath } from '../../e2e/paths';
import config from '../../playwright.config';
import { generateItems } from '../generate';
import { generateQueries } from '../queries';
import { type BrowserBenchOptions, parseBrowserBenchArgs } from './args';
import { prepareBenchArchive } from './bench-archive';
import { assertCleanGuard } from './browser-session';
import { readBrowserRss } from './process-memory';
import { type BrowserBenchResult, type HeapFigures, checkTargets, formatBrowserReport } from './report';
import { readProbe, showQuery } from './probe-state';
import { type ProfileSummaries, profileReload, profileWhile } from './profiling';
import { measureScrolling } from './scrolling';
import { type OpenRun, type RunContext, closeRun, runCold, runWarm, waitForEmptySavedView } from './start-runs';
import { createSourceLocator } from './cpu-profile';
import { attributeTasks } from './task-attribution';
import { startTrace, summarizeTraceTasks } from './trace-summary';
import { type TypingFigures, measureTyping } from './typing';
import { findFreePort, stopAllBenchServers } from './web-server';

const CHROMIUM = config.use?.launchOptions?.executablePath ?? '/usr/bin/chromium';

function log(line: string): void {
  process.stderr.write(`[bench:browser] ${new Date().toISOString().slice(11, 19)} ${line}\n`);
}

function buildRenderer(withSourceMaps: boolean): void {
  log(`building the app (electron-vite build${withSourceMaps ? ' --sourcemap' : ''})`);
  const args = ['build', '-c', 'electron.config.ts', '--logLevel', 'warn', ...(withSourceMaps ? ['--sourcemap'] : [])];
  execFileSync(binPath('electron-vite'), args, { cwd: ROOT_DIR, stdio: ['ignore', 'inherit', 'inherit'], timeout: 300_000 });
}

async function readHeap(run: OpenRun, profileDir: string): Promise<HeapFigures> {
  const cdp = await run.session.context.newCDPSession(run.page);
  const usage = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number; totalSize: number };
  await cdp.detach();
  const rss = readBrowserRss(profileDir);
  const mb = (bytes: number) => Math.round(bytes / 1e6);
  return { pageHeapUsedMB: mb(usage.usedSize), pageHeapTotalMB: mb(usage.totalSize), browserRssMB: rss.rssMb, browserProcesses: rss.processes };
}

async function measureWarm(context: RunContext, options: BrowserBenchOptions, queries: ReturnType<typeof generateQueries>) {
  const { figures, run } = await runWarm(context);
  try {
    log(`warm: first results ${Math.round(figures.navigationToFirstResultsMs)} ms after navigation`);
    const heap = await readHeap(run, context.profileDir);
    log(`typing ${queries.length} queries at one key per ${options.keyDelayMs} ms`);
    const profiles: ProfileSummaries = {};
    const type = () => measureTyping(run.page, queries, options.keyDelayMs, log);
    let typing = options.profileDir || options.traceDir ? null : await type();
    if (options.traceDir) {
      const stop = await startTrace(run.page);
      typing = await type();
      const events = await stop();
      await mkdir(options.traceDir, { recursive: true });
      await writeFile(join(options.traceDir, 'typing.trace.json'), JSON.stringify({ traceEvents: events }));
      profiles.typingTrace = summarizeTraceTasks(events);
    } else if (options.profileDir) {
      const work = await profileWhile(run.page, options.profileDir, 'typing', async () => void (typing = await type()));
      profiles.typing = work.hot;
      const timeOrigin = (await run.page.evaluate('performance.timeOrigin')) as number;
      const tasks = (typing as TypingFigures | null)?.longTaskList ?? [];
      profiles.typingTasks = attributeTasks(work.recorded.profile, work.recorded.epochAtStart - timeOrigin, tasks, createSourceLocator());
    }
    log('scrolling');
    const scrolling = await measureScrolling(run.page, options.scrollSteps);
    if (options.profileDir) {
      log('profiling a reload of the page');
      await showQuery(run.page, '', 60_000);
      await waitForEmptySavedView(run.page);
      const reload = await profileReload(run.page, options.profileDir);
      profiles.reload = reload.hot;
      const state = await readProbe(run.page);
      const idleAt = state.syncStates.at(-1)?.at ?? state.now;
      const tasks = state.longTasks.filter((t) => t.start < idleAt);
      profiles.reloadTasks = attributeTasks(reload.recorded.profile, reload.recorded.epochAtStart - state.timeOrigin, tasks, createSourceLocator());
    }
    assertCleanGuard(run.session.guard);
    const browser = execFileSync(CHROMIUM, ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    if (!typing) throw new Error('typing was not measured');
    return { warm: figures, heap, typing, scrolling, browser, profiles };
  } finally {
    await closeRun(run);
  }
}

async function runBench(options: BrowserBenchOptions): Promise<BrowserBenchResult> {
  const loadAverageStart = loadavg();
  const workDir = await mkdtemp(join(tmpdir(), 'annals-bench-browser-'));
  try {
    log(`generating ${options.items} items (seed ${options.seed})`);
    const items = generateItems(options.items, options.seed);
    const queries = generateQueries(items, options.queries, options.seed);
    const keepDir = options.keepDir ? resolve(options.keepDir) : join(workDir, 'kept');
    await mkdir(keepDir, { recursive: true });
    const archive = await prepareBenchArchive(keepDir, items, options.seed);
    log(archive.isNew ? `archive written in ${Math.round(archive.writeMs)} ms: ${archive.archiveDir}` : `reusing ${archive.archiveDir}`);
    if (!options.isPrebuilt) buildRenderer(options.profileDir !== null);
    const context: RunContext = { archiveDir: archive.archiveDir, port: await findFreePort(), profileDir: join(workDir, 'profile'), items: items.length, log };
    log('run 1 (cold)');
    const cold = await runCold(context);
    log(`cold: first results ${Math.round(cold.firstResultsMs)} ms after navigation`);
    log('run 2 (warm)');
    const { warm, heap, typing, scrolling, browser, profiles } = await measureWarm(context, options, queries);
    return {
      items: items.length,
      seed: options.seed,
      date: new Date().toISOString(),
      machine: { cpus: cpus().length, loadAverageStart, loadAverageEnd: loadavg(), browser },
      archive: { isNew: archive.isNew, writeMs: Math.round(archive.writeMs) },
      cold,
      warm,
      heap,
      typing,
      scrolling,
      targets: checkTargets(warm, typing),
      ...(options.profileDir || options.traceDir ? { profiles } : {}),
    };
  } finally {
    await rm(workDir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  // Interrupted: the servers run in their own process groups and would outlive this process.
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => void stopAllBenchServers().finally(() => process.exit(130)));
  }
  const options = parseBrowserBenchArgs(process.argv.slice(2));
  const result = await runBench(options);
  process.stdout.write(options.isJson ? `${JSON.stringify(result)}\n` : formatBrowserReport(result));
}

main().catch((error: unknown) => {
  log(`failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  process.exit(1);
});
