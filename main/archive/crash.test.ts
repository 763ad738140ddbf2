// kill -9 at seeded random moments of a real import, real edits and real exports (a child process
// per kill), then recovery (opening the archive) and `check`: no damaged or partial file, no journal
// or temp file left, and the archive exactly as it was after some whole number of operations — every
// multi-file change done or undone. ANNALS_LONG_TESTS=1 runs ten times as many kills.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openArchive } from './archive';
import { findTempFiles } from './atomic-write';
import { listJournals } from './journal';
import { nodeArchiveFs } from './archive-fs';
import { type Child, seededRandom, spawnScript, timeRunAfterReady } from './testing/child';
import { type ScenarioKind, createBaseArchive, scenarioClock, scenarioOps, snapshotFiles } from './testing/crash-scenarios';

const DRIVER = 'main/archive/testing/crash-driver.ts';
const CHILD_ENV = { ANNALS_SEEDS_DIR: fileURLToPath(new URL('../../resources/seeds', import.meta.url)) };
const IS_LONG = process.env.ANNALS_LONG_TESTS === '1';
const KILLS: Record<ScenarioKind, number> = IS_LONG ? { import: 400, edit: 350, export: 300 } : { import: 40, edit: 35, export: 30 };
/** Children in flight: one loads its modules while another works. */
const PARALLEL = 2;

let root: string;
beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'annals-crash-'));
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

type Snapshot = Map<string, string>;

/** snapshotFiles, synchronously (called from the import's onBatchWritten, which does not wait). */
function snapshotFilesSync(dir: string): Snapshot {
  const out: Snapshot = new Map();
  if (!existsSync(dir)) return out;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    const rel = join(entry.parentPath, entry.name).slice(dir.length + 1).split('\\').join('/');
    if (!rel.startsWith('.annals/')) out.set(rel, createHash('sha256').update(readFileSync(join(entry.parentPath, entry.name))).digest('hex'));
  }
  return out;
}

const sameSnapshot = (a: Snapshot, b: Snapshot) => a.size === b.size && [...a].every(([file, hash]) => b.get(file) === hash);

interface Reference {
  archive: Snapshot[];
  out: Snapshot[];
  /** Per state: true when it is the state between two batches of one import (not after a whole operation). */
  isMidImport: boolean[];
  ops: number;
}

/**
 * The archive (and export folder) after 0, 1, … n operations, and after each batch of an import,
 * run in this process on the same clock.
 */
async function referenceStates(kind: ScenarioKind, base: string): Promise<Reference> {
  const dir = join(root, `${kind}-reference`);
  const out = join(root, `${kind}-reference-out`);
  await cp(base, dir, { recursive: true });
  const archive = await openArchive(dir, { now: scenarioClock(10_000) });
  const states: Reference = { archive: [await snapshotFiles(dir)], out: [await snapshotFiles(out)], isMidImport: [false], ops: 0 };
  // An import's batches are each a whole change: the state after each one is a state a kill may leave.
  const afterBatch = () => {
    states.archive.push(snapshotFilesSync(dir));
    states.out.push(snapshotFilesSync(out));
    states.isMidImport.push(true);
  };
  for (const op of scenarioOps(kind, archive, out, { onBatchWritten: afterBatch })) {
    await op();
    states.archive.push(await snapshotFiles(dir));
    states.out.push(await snapshotFiles(out));
    states.isMidImport.push(false);
    states.ops += 1;
  }
  await archive.close();
  return states;
}

interface Tally {
  kills: number;
  finished: number;
  damaged: number;
  halfDone: number;
  leftovers: number;
  outsideTemp: number;
  killedAfterOps: number[];
  /** Kills that left the archive between two batches of one import. */
  midImport: number;
  /** The reference states the recovered archives matched. */
  statesHit: Set<number>;
}

/** Runs one child to its end (calibration): answers how long its operations took after "ready". */
async function timeFullRun(kind: ScenarioKind, base: string): Promise<number> {
  const dir = join(root, `${kind}-calibrate`);
  await cp(base, dir, { recursive: true });
  return timeRunAfterReady(await spawnScript(DRIVER, [kind, dir, join(root, `${kind}-calibrate-out`)], CHILD_ENV));
}

async function verifyAfterKill(kind: ScenarioKind, dir: string, out: string, reference: Reference, tally: Tally) {
  const archive = await openArchive(dir, { now: scenarioClock(90_000) }); // recovery: the killed child's lock is stale
  const problems = await archive.check();
  await archive.close();
  tally.damaged += problems.length;
  if (problems.length > 0) console.error(`[kill-test] ${kind}: check found`, problems);
  tally.leftovers += (await listJournals(dir, nodeArchiveFs)).length + (await findTempFiles(dir)).length;
  const state = await snapshotFiles(dir);
  const k = reference.archive.findIndex((snapshot) => sameSnapshot(snapshot, state));
  // An intermediate state may equal an operation's end (a batch of duplicates changes nothing): only a state no operation ends with counts.
  if (k >= 0 && reference.isMidImport[k] && !reference.archive.some((snapshot, i) => !reference.isMidImport[i] && sameSnapshot(snapshot, state))) {
    tally.midImport += 1;
  }
  if (k >= 0) tally.statesHit.add(k);
  if (k < 0) {
    tally.halfDone += 1;
    console.error(`[kill-test] ${kind}: the archive matches no state after a whole number of operations`);
  }
  if (kind === 'export') {
    // A folder export writes each file atomically: every file is some export's version of it.
    const outState = await snapshotFiles(out);
    for (const [file, hash] of outState) {
      if (reference.out.some((snapshot) => snapshot.get(file) === hash)) continue;
      if (/\/?\.[^/]+\.[0-9a-f]{12}\.tmp$/.test(file)) tally.outsideTemp += 1;
      else tally.damaged += 1;
    }
  }
}

/** When to kill: `delayMs` after "ready", or after the child's `batches`-th "batch" line (an import batch on disk). */
interface KillMoment {
  delayMs: number;
  batches?: number;
}

async function killOnce(kind: ScenarioKind, n: number, base: string, moment: KillMoment, reference: Reference, tally: Tally) {
  const dir = join(root, `${kind}-${n}`);
  const out = join(root, `${kind}-${n}-out`);
  await cp(base, dir, { recursive: true });
  const child: Child = await spawnScript(DRIVER, [kind, dir, out], CHILD_ENV);
  try {
    await child.waitForLine(/^loaded$/);
    child.send('go');
    await child.waitForLine(/^ready$/);
    if (moment.batches !== undefined) await waitForBatches(child, moment.batches);
    await new Promise((resolve) => setTimeout(resolve, moment.delayMs)); // the kill moment itself, not a synchronisation
    await child.kill();
  } finally {
    await child.kill();
  }
  // A child that finished before its moment was not killed: verified all the same, not counted as a kill.
  if ((await child.exited).signal === 'SIGKILL') {
    tally.kills += 1;
    tally.killedAfterOps.push(child.lines.filter((line) => line.startsWith('op ')).length);
  } else tally.finished += 1;
  await verifyAfterKill(kind, dir, out, reference, tally);
  await rm(dir, { recursive: true, force: true });
  await rm(out, { recursive: true, force: true });
}

/** Resolves when the child has printed `count` "batch" lines, or has ended (checked every millisecond). */
async function waitForBatches(child: Child, count: number): Promise<void> {
  const isReached = () => child.lines.filter((line) => line === 'batch').length >= count || child.process.exitCode !== null || child.process.signalCode !== null;
  while (!isReached()) await new Promise((resolve) => setTimeout(resolve, 1));
}

async function runKills(kind: ScenarioKind, seed: number): Promise<Tally> {
  const base = join(root, `${kind}-base`);
  await createBaseArchive(base, kind);
  const reference = await referenceStates(kind, base);
  const duration = await timeFullRun(kind, base);
  const random = seededRandom(seed);
  // Children run slower side by side than alone: the moments span a bit more than the calibrated run.
  const delayOf = () => Math.floor(random() * duration * 1.3);
  // Batches follow each other within milliseconds: one import kill in three is aimed just after a
  // batch reached the disk (while the next one is staged, committed or placed), the rest at random.
  const batchCount = reference.isMidImport.filter(Boolean).length;
  const momentOf = (n: number): KillMoment =>
    kind === 'import' && n % 3 === 0 ? { batches: 1 + Math.floor(random() * batchCount), delayMs: Math.floor(random() * 6) } : { delayMs: delayOf() };
  const tally: Tally = { kills: 0, finished: 0, damaged: 0, halfDone: 0, leftovers: 0, outsideTemp: 0, killedAfterOps: [], midImport: 0, statesHit: new Set() };
  let started = 0;
  const worker = async () => {
    while (tally.kills + (started - tally.kills - tally.finished) < KILLS[kind] && started < KILLS[kind] * 2) {
      const n = started++;
      await killOnce(kind, n, base, momentOf(n), reference, tally);
    }
  };
  await Promise.all(Array.from({ length: PARALLEL }, worker));
  const moments = new Set(tally.killedAfterOps).size;
  const batches = kind === 'import' ? ` states-between-batches=${reference.isMidImport.filter(Boolean).length} killed-between-batches=${tally.midImport}` : '';
  console.log(
    `[kill-test] ${kind}: kills=${tally.kills} finished-unkilled=${tally.finished} damaged=${tally.damaged} half-done=${tally.halfDone} leftovers=${tally.leftovers}` +
      ` ops=${reference.ops}${batches} distinct-kill-points=${moments} states-recovered=${tally.statesHit.size} run=${duration}ms` +
      (kind === 'export' ? ` export-folder-temp-files=${tally.outsideTemp}` : ''),
  );
  return tally;
}

describe('kill -9 at random moments', () => {
  for (const [index, kind] of (['import', 'edit', 'export'] as const).entries()) {
    it(`${kind}: every recovered archive passes check and is exactly the state after some whole operations`, async () => {
      const tally = await runKills(kind, 20261123 + index);
      expect(tally.kills).toBeGreaterThanOrEqual(KILLS[kind]);
      expect(tally.damaged).toBe(0);
      expect(tally.halfDone).toBe(0);
      expect(tally.leftovers).toBe(0);
      // The kills must land at different points of the work, not all before or after it.
      expect(new Set(tally.killedAfterOps).size).toBeGreaterThan(1);
    }, IS_LONG ? 1_800_000 : 180_000);
  }
});
