// The hostile-input fixtures (resources/fixtures/hostile/ and the big ones built on the fly): each is
// imported correctly or refused with a message naming the file and the problem, within a time and
// memory budget, off the main thread, and a refused file leaves the archive as it was.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay, performance as nodePerformance } from 'node:perf_hooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDefaultTaxonomy } from '../../shared/taxonomy';
import { type Archive, openArchive } from '../archive';
import { HOSTILE_FIXTURES, type HostileFixture, jsFrontMatterPayload } from './hostile-fixtures';
import { IngestError, readPage, runWithPageReader } from './index';
import { readPageInWorker, readPageInWorkerWithin, stopIngestWorker } from './worker-client';
import { hashTree } from '../archive/testing/hash-tree';

const COMMITTED = new URL('../../resources/fixtures/hostile/', import.meta.url);
const SMALL = HOSTILE_FIXTURES.filter((fixture) => !fixture.isBig);
const BIG = HOSTILE_FIXTURES.filter((fixture) => fixture.isBig);
/** Budgets are behaviour guards (a hang or a runaway allocation), not benchmarks: figures are printed. */
const TIME_BUDGET_MS = 20_000;
const RSS_BUDGET_BYTES = 1024 * 1024 * 1024;

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'annals-hostile-'));
});
afterAll(async () => {
  await stopIngestWorker();
  await rm(dir, { recursive: true, force: true });
});


function expectOutcome(fixture: HostileFixture, outcome: { titles: (string | null)[] } | { error: unknown }): void {
  if (fixture.expect.outcome === 'rejected') {
    expect('error' in outcome, `${fixture.name} should be refused`).toBe(true);
    const error = (outcome as { error: unknown }).error;
    expect(error).toBeInstanceOf(IngestError);
    expect((error as IngestError).code).toBe(fixture.expect.code);
    expect((error as Error).message.startsWith(`${fixture.name}: `)).toBe(true);
    expect((error as IngestError).problem.length).toBeGreaterThan(8);
    return;
  }
  expect('titles' in outcome, `${fixture.name} should import: ${String((outcome as { error?: Error }).error)}`).toBe(true);
  const { titles } = outcome as { titles: (string | null)[] };
  expect(titles.length).toBeGreaterThanOrEqual(fixture.expect.minItems ?? 1);
  if (fixture.expect.title) expect(titles).toContain(fixture.expect.title);
}

async function tryRead(path: string, reader = readPage) {
  try {
    const { page } = await reader(path, loadDefaultTaxonomy());
    return { titles: page.items.map((item) => item.title) };
  } catch (error) {
    return { error };
  }
}

describe('the committed hostile fixtures', () => {
  it('are exactly what the generator makes (regenerate: npx tsx main/ingest/hostile-fixtures.ts)', () => {
    const committed = readdirSync(COMMITTED).filter((name) => name !== 'README.md').sort();
    expect(committed).toEqual(SMALL.map((fixture) => fixture.name).sort());
    for (const fixture of SMALL) {
      expect(Buffer.from(readFileSync(new URL(fixture.name, COMMITTED))).equals(Buffer.from(fixture.build())), fixture.name).toBe(true);
    }
  });

  it.each(SMALL.map((fixture) => [fixture.name, fixture] as const))('%s is imported correctly or refused by name', async (name, fixture) => {
    expectOutcome(fixture, await tryRead(new URL(name, COMMITTED).pathname));
  });

  it('gives the same outcome in the ingest worker as on the main thread', async () => {
    for (const fixture of SMALL) {
      const path = new URL(fixture.name, COMMITTED).pathname;
      const [here, there] = [await tryRead(path), await tryRead(path, readPageInWorker)];
      if ('titles' in here) expect(there).toEqual(here);
      else expect([(there as { error: IngestError }).error.code, String((there as { error: Error }).error.message)]).toEqual([(here.error as IngestError).code, (here.error as Error).message]);
    }
  });
});

describe('a ---js front matter', () => {
  it('is cut off as metadata and never run: no marker file, no global', async () => {
    const marker = join(dir, 'js-ran');
    const path = join(dir, 'payload.md');
    await writeFile(path, jsFrontMatterPayload(marker));
    const archive = await openArchive(join(dir, 'js-archive'), { create: true });
    const result = await archive.importPaths([path]);
    await archive.close();
    expect(result).toMatchObject({ added: 1, failed: [] });
    expect(archive.listItems().map((item) => item.text).join('\n')).not.toMatch(/writeFileSync|__annalsPwned/);
    const executed = Number(existsSync(marker)) + Number('__annalsPwned' in globalThis);
    console.log(`[hostile] ---js payloads executed: ${executed}`);
    expect(executed).toBe(0);
  });
});

describe('importing the whole hostile folder into an archive', () => {
  let archive: Archive;
  afterAll(async () => archive?.close());

  it('imports the good files, refuses each bad one by name, and a refused file changes nothing', async () => {
    const root = join(dir, 'folder-archive');
    archive = await openArchive(root, { create: true });
    let unchanged = 0;
    for (const fixture of SMALL) {
      const before = await hashTree(root);
      const result = await archive.importPaths([new URL(fixture.name, COMMITTED).pathname]);
      if (fixture.expect.outcome === 'imported') {
        expect(result.failed, fixture.name).toEqual([]);
        continue;
      }
      expect(result.failed).toEqual([expect.objectContaining({ code: fixture.expect.code, message: expect.stringContaining(fixture.name) })]);
      expect(await hashTree(root), fixture.name).toBe(before);
      unchanged += 1;
    }
    console.log(`[hostile] refused files that left the archive unchanged: ${unchanged} of ${SMALL.filter((f) => f.expect.outcome === 'rejected').length}`);
    expect(await archive.check()).toEqual([]);
  });
});

/**
 * Main-thread CPU time while the worker reads, decodes, parses and tags a file (the thread's own
 * utime+stime from /proc/thread-self/stat, 10 ms ticks). Unlike the max event-loop delay or the
 * loop's busy time, it does not grow when other processes take the CPU (2 cores shared by parallel
 * test runs at load 8–10 made both swing from 20 to 130 ms); both are printed beside it. Where /proc
 * is missing (macOS) the loop's busy time stands in.
 */
const INGEST_MAIN_THREAD_BUDGET_MS = 100;
// What stays on the main thread is the archive's side: two sha256 passes over the source (import.ts,
// the journal), the dedupe key, the item file, the write. For a 50 MB source or a single 5 MB item
// that alone takes 150–450 ms of CPU: a looser guard (main-thread CPU again), reported in the docs.
const IMPORT_MAIN_THREAD_BUDGET_MS = 1000;
// The whole import (archive side included) runs for the 50 MB page and the refused files; for every
// big fixture with ANNALS_LONG_TESTS=1 (the same flag as the crash tests), to keep the suite short.
const IS_LONG = process.env.ANNALS_LONG_TESTS === '1';
const importsWhole = (fixture: HostileFixture) => IS_LONG || fixture.name === 'big-50mb.html' || fixture.expect.outcome === 'rejected';

/** CPU time this thread has used, in ms, or null where /proc/thread-self is missing. */
function threadCpuMs(): number | null {
  try {
    const stat = readFileSync('/proc/thread-self/stat', 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10; // utime, stime in USER_HZ (100) ticks
  } catch {
    return null;
  }
}

/** Runs `work` while sampling the main thread's event-loop delay and the process's peak RSS. */
async function measure<T>(work: () => Promise<T>): Promise<{ value: T; ms: number; stallMs: number; busyMs: number; cpuMs: number; rssGrowth: number }> {
  const cpu = threadCpuMs();
  const delay = monitorEventLoopDelay({ resolution: 10 });
  const utilization = nodePerformance.eventLoopUtilization();
  const rss = process.memoryUsage.rss();
  let peak = rss;
  // memoryUsage.rss() is the cheap call: the full memoryUsage() walks the heap and would count as main-thread work.
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage.rss())), 50);
  delay.enable();
  const started = performance.now();
  try {
    const value = await work();
    const busyMs = nodePerformance.eventLoopUtilization(utilization).active;
    const cpuAfter = threadCpuMs();
    const cpuMs = cpu === null || cpuAfter === null ? busyMs : cpuAfter - cpu;
    return { value, ms: performance.now() - started, stallMs: delay.max / 1e6, busyMs, cpuMs, rssGrowth: peak - rss };
  } finally {
    delay.disable();
    clearInterval(sampler);
  }
}

/** Imports the file into a fresh archive through the worker, as an import job does; checks budgets and outcome. */
async function importWhole(fixture: HostileFixture, path: string, line: string): Promise<void> {
  const root = join(dir, `archive-${fixture.name}`);
  const archive = await openArchive(root, { create: true });
  await archive.taxonomy();
  const before = await hashTree(root);
  const { value: result, ...whole } = await measure(() => runWithPageReader(readPageInWorker, () => archive.importPaths([path])));
  console.log(
    `${line}; whole import ${Math.round(whole.ms)} ms (main CPU ${whole.cpuMs} ms, max delay ` +
      `${whole.stallMs.toFixed(1)} ms, RSS growth ${Math.round(whole.rssGrowth / 1e6)} MB); ` +
      `${result.failed[0] ? `refused (${result.failed[0].code})` : `${result.added} item(s)`}`,
  );
  expect(whole.cpuMs).toBeLessThan(IMPORT_MAIN_THREAD_BUDGET_MS);
  expect(whole.ms).toBeLessThan(TIME_BUDGET_MS);
  expect(whole.rssGrowth).toBeLessThan(RSS_BUDGET_BYTES);
  if (fixture.expect.outcome === 'rejected') {
    expect(result.failed).toEqual([expect.objectContaining({ code: fixture.expect.code, message: expect.stringContaining(fixture.name) })]);
    expect(await hashTree(root)).toBe(before);
  } else {
    expect(result.failed).toEqual([]);
  }
  await archive.close();
  await rm(root, { recursive: true, force: true });
}

describe('big and pathological pages', () => {
  it.each(BIG.map((fixture) => [fixture.name, fixture] as const))(
    '%s imports or is refused within budget, parsed in the worker without stalling the main thread',
    async (name, fixture) => {
      const path = join(dir, name);
      await writeFile(path, fixture.build());
      const size = (await stat(path)).size;
      await readPageInWorker(new URL('utf16le-bom.txt', COMMITTED).pathname, loadDefaultTaxonomy()); // worker started
      const ingest = await measure(() => tryRead(path, readPageInWorker));
      const line = `[hostile] ${name}: ${(size / 1e6).toFixed(1)} MB; ingest in worker ${Math.round(ingest.ms)} ms (main thread CPU ` +
        `${ingest.cpuMs} ms, loop busy ${ingest.busyMs.toFixed(1)} ms, max event-loop delay ${ingest.stallMs.toFixed(1)} ms), ` +
        `RSS growth ${Math.round(ingest.rssGrowth / 1e6)} MB`;
      expect(ingest.cpuMs).toBeLessThan(INGEST_MAIN_THREAD_BUDGET_MS);
      expect(ingest.ms).toBeLessThan(TIME_BUDGET_MS);
      expect(ingest.rssGrowth).toBeLessThan(RSS_BUDGET_BYTES);
      expectOutcome(fixture, ingest.value);
      if (importsWhole(fixture)) await importWhole(fixture, path, line);
      else console.log(line);
      await rm(path);
    },
    60_000,
  );
});

describe('the ingest worker', () => {
  it('hands back the source bytes and their sha256, computed off the main thread', async () => {
    const path = new URL('koi8r-lying-charset.html', COMMITTED).pathname;
    const { bytes, sha256, decoded } = await readPageInWorker(path, loadDefaultTaxonomy());
    expect(Buffer.from(bytes).equals(readFileSync(path))).toBe(true);
    expect(sha256).toBe(createHash('sha256').update(readFileSync(path)).digest('hex'));
    expect(decoded.encoding).toBe('koi8-r');
  });

  it('fails a pending file by name when the worker stops, and starts a new worker for the next file', async () => {
    const path = join(dir, 'pending.txt');
    await writeFile(path, HOSTILE_FIXTURES.find((f) => f.name === 'single-line-5mb.txt')!.build());
    const pending = tryRead(path, readPageInWorker);
    await stopIngestWorker();
    expect(await pending).toMatchObject({ error: expect.objectContaining({ code: 'worker-failed', file: 'pending.txt' }) });
    expect(await tryRead(new URL('utf16be-bom.txt', COMMITTED).pathname, readPageInWorker)).toMatchObject({ titles: [expect.any(String)] });
    await rm(path);
  });

  it('stops a file that takes too long, says so by name, and serves the next file', async () => {
    const path = join(dir, 'slow.txt');
    await writeFile(path, HOSTILE_FIXTURES.find((f) => f.name === 'single-line-5mb.txt')!.build());
    const outcome = await tryRead(path, readPageInWorkerWithin(50));
    expect(outcome).toMatchObject({ error: expect.objectContaining({ code: 'timed-out', file: 'slow.txt' }) });
    expect(await tryRead(new URL('utf16be-bom.txt', COMMITTED).pathname, readPageInWorker)).toMatchObject({ titles: [expect.any(String)] });
    await rm(path);
  });
});
