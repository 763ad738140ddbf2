// kill -9 of real export processes (a child per kill, main/archive/testing/child.ts) at seeded random
// moments of a run of folder exports, then recovery (what the next export runs first): the folder
// must be exactly the state after a whole number of exports — never a mix of two — with no staging
// folder or temp file left, and the user's files in and beside it untouched. Then the next export
// must succeed. ANNALS_LONG_TESTS=1 runs ten times as many kills.
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findTempFiles } from '../archive/atomic-write';
import { nodeArchiveFs } from '../archive/archive-fs';
import { type Child, seededRandom, spawnScript, timeRunAfterReady } from '../archive/testing/child';
import { findStagingFolders } from './folder-swap';
import { EXPORT_RUNS, exportVariant, isSameSnapshot, lostForeignFiles, makeFastTempRoot, prepareExportFolder, snapshotExport } from './testing/crash-exports';
import { recoverFolderExport, writeExport } from './write-export';

const DRIVER = 'main/export/testing/export-crash-driver.ts';
const IS_LONG = process.env.ANNALS_LONG_TESTS === '1';
const KILLS = IS_LONG ? 300 : 32;
const PARALLEL = 2;

type Snapshot = Map<string, string>;

let root: string;
beforeAll(async () => {
  // A kill -9 stops the process, not the kernel: what was written survives on any file system, tmpfs too.
  root = await makeFastTempRoot('annals-export-crash-');
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

/** The export folder after 0, 1, … EXPORT_RUNS exports, made in this process. */
async function referenceStates(): Promise<Snapshot[]> {
  const parent = join(root, 'reference');
  await prepareExportFolder(parent);
  const out = join(parent, 'out');
  const states = [await snapshotExport(out)];
  for (let n = 0; n < EXPORT_RUNS; n++) {
    await writeExport(exportVariant(n), out, 'folder');
    states.push(await snapshotExport(out));
  }
  return states;
}

interface Tally {
  kills: number;
  finished: number;
  halfDone: number;
  tempLeft: number;
  foreignLost: number;
  mixedBeforeRecovery: number;
  rolledBack: number;
  completed: number;
  discarded: number;
  nextExportWrong: number;
  killedAfterOps: number[];
}

async function leftovers(parent: string, out: string): Promise<number> {
  return (await findTempFiles(parent)).length + (await findStagingFolders(out, nodeArchiveFs)).length;
}

async function verifyAfterKill(parent: string, reference: Snapshot[], tally: Tally): Promise<void> {
  const out = join(parent, 'out');
  const before = await snapshotExport(out);
  if (!reference.some((state) => isSameSnapshot(state, before))) tally.mixedBeforeRecovery += 1;
  tally.foreignLost += (await lostForeignFiles(parent)).length;
  const recovery = await recoverFolderExport(out);
  tally.rolledBack += recovery.rolledBack.length;
  tally.completed += recovery.completed.length;
  tally.discarded += recovery.discarded.length;
  const state = await snapshotExport(out);
  if (!reference.some((snapshot) => isSameSnapshot(snapshot, state))) {
    tally.halfDone += 1;
    console.error(`[export-crash] ${parent}: after recovery the folder matches no whole export`, [...state.keys()]);
  }
  tally.tempLeft += await leftovers(parent, out);
  tally.foreignLost += (await lostForeignFiles(parent)).length;
  // The next export into the recovered folder works and gives exactly its own files.
  const isExported = await writeExport(exportVariant(0), out, 'folder').then(() => true, (error: unknown) => (console.error(error), false));
  if (!isExported || !isSameSnapshot(await snapshotExport(out), reference[1] ?? new Map())) tally.nextExportWrong += 1;
  tally.tempLeft += await leftovers(parent, out);
  tally.foreignLost += (await lostForeignFiles(parent)).length;
}

async function killOnce(n: number, delayMs: number, reference: Snapshot[], tally: Tally): Promise<void> {
  const parent = join(root, `kill-${n}`);
  await prepareExportFolder(parent);
  const child: Child = await spawnScript(DRIVER, [join(parent, 'out')]);
  try {
    await child.waitForLine(/^loaded$/);
    child.send('go');
    await child.waitForLine(/^ready$/);
    await new Promise((resolve) => setTimeout(resolve, delayMs)); // the kill moment itself, not a synchronisation
    await child.kill();
  } finally {
    await child.kill();
  }
  const exit = await child.exited;
  if (exit.signal === 'SIGKILL') {
    tally.kills += 1;
    tally.killedAfterOps.push(child.lines.filter((line) => line.startsWith('op ')).length);
  } else {
    expect(exit.code, exit.stderr).toBe(0);
    tally.finished += 1;
  }
  await verifyAfterKill(parent, reference, tally);
  await rm(parent, { recursive: true, force: true });
}

/** Runs one child to its end: how long its exports take after "ready". */
async function timeFullRun(): Promise<number> {
  const parent = join(root, 'calibrate');
  await prepareExportFolder(parent);
  return timeRunAfterReady(await spawnScript(DRIVER, [join(parent, 'out')]));
}

describe('kill -9 of an export process at random moments', () => {
  it('leaves the folder, once recovered, exactly the previous or the new export, with the user files untouched', async () => {
    const reference = await referenceStates();
    const duration = await timeFullRun();
    const random = seededRandom(20261123);
    const tally: Tally = {
      kills: 0, finished: 0, halfDone: 0, tempLeft: 0, foreignLost: 0, mixedBeforeRecovery: 0,
      rolledBack: 0, completed: 0, discarded: 0, nextExportWrong: 0, killedAfterOps: [],
    };
    let started = 0;
    const worker = async () => {
      while (tally.kills + (started - tally.kills - tally.finished) < KILLS && started < KILLS * 2) {
        const n = started++;
        await killOnce(n, Math.floor(random() * duration * 1.3), reference, tally);
      }
    };
    await Promise.all(Array.from({ length: PARALLEL }, worker));
    console.log(
      `[export-crash] kills=${tally.kills} half-done=${tally.halfDone} temp-left=${tally.tempLeft} foreign-lost=${tally.foreignLost}` +
        ` recovery: rolled-back=${tally.rolledBack} completed=${tally.completed} discarded=${tally.discarded}` +
        ` mixed-before-recovery=${tally.mixedBeforeRecovery} next-export-wrong=${tally.nextExportWrong}` +
        ` finished-unkilled=${tally.finished} distinct-kill-points=${new Set(tally.killedAfterOps).size} run=${duration}ms`,
    );
    expect(tally.kills).toBeGreaterThanOrEqual(KILLS);
    expect(tally).toMatchObject({ halfDone: 0, tempLeft: 0, foreignLost: 0, nextExportWrong: 0 });
    // The kills must land at different points of the run, and some in the middle of a swap.
    expect(new Set(tally.killedAfterOps).size).toBeGreaterThan(1);
    expect(tally.rolledBack + tally.completed + tally.discarded).toBeGreaterThan(0);
  }, IS_LONG ? 1_200_000 : 180_000);
});
