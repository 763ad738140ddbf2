// A full disk, a revoked permission, a failing disk, a busy file: the file-system shim of the archive's
// fault tests (main/archive/testing/faulty-fs.ts) fails the N-th call of a folder export, and every
// call after it (the cause persists, so even the export's own roll-back fails: as good as a crash), for
// every N, under each code in turn. Each time: a stable error code; once recovered, the folder holds the previous export whole
// (or, when the failure hit only the clean-up, the new one whole); the user's files untouched; nothing
// left behind; and the same export, retried after the fix, completes.
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findTempFiles } from '../archive/atomic-write';
import { nodeArchiveFs } from '../archive/archive-fs';
import { createFaultyFs } from '../archive/testing/faulty-fs';
import { ExportWriteError } from './export-errors';
import { findStagingFolders } from './folder-swap';
import { exportVariant, isSameSnapshot, lostForeignFiles, makeFastTempRoot, prepareExportFolder, snapshotExport } from './testing/crash-exports';
import { recoverFolderExport, writeExport } from './write-export';

const CODES: Record<string, string> = { ENOSPC: 'disk-full', EACCES: 'permission-denied', EIO: 'io-error', EBUSY: 'file-busy' };
const IS_LONG = process.env.ANNALS_LONG_TESTS === '1';
/** Replaces the previous export's three items (same names, new content) and adds five. */
const JOB = exportVariant(3).slice(0, 9);

let root: string;
beforeAll(async () => {
  root = await makeFastTempRoot('annals-export-faults-');
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

interface Figures {
  runs: number;
  reported: number;
  absorbed: number;
  notWhole: number;
  keptAtOnce: number;
  foreignLost: number;
  left: number;
  retryWrong: number;
}

async function referenceRun(): Promise<{ calls: number; after: Map<string, string> }> {
  const parent = join(root, 'reference');
  await prepareExportFolder(parent);
  const faulty = createFaultyFs();
  await writeExport(JOB, join(parent, 'out'), 'folder', { fs: faulty.fs });
  return { calls: faulty.calls, after: await snapshotExport(join(parent, 'out')) };
}

async function failAt(errno: string, n: number, after: Map<string, string>, figures: Figures): Promise<void> {
  const parent = join(root, `${errno}-${n}`);
  const out = join(parent, 'out');
  await prepareExportFolder(parent);
  const before = await snapshotExport(out);
  const faulty = createFaultyFs();
  faulty.arm(n, errno, true);
  const failure = await writeExport(JOB, out, 'folder', { fs: faulty.fs }).then(() => null, (error: unknown) => error);
  faulty.disarm();
  const where = `${errno} at call ${n} (${faulty.log[n - 1] ?? ''})`;
  figures.runs += 1;
  if (failure) {
    figures.reported += 1;
    expect(failure, where).toBeInstanceOf(ExportWriteError);
    expect((failure as ExportWriteError).code, where).toBe(CODES[errno]);
    expect((failure as Error).message, where).toMatch(/^Annals could not write the export: .+\. (Nothing was changed|The previous export (was kept|will be put back))/);
    if (/Nothing was changed|was kept/.test((failure as Error).message)) {
      figures.keptAtOnce += 1;
      expect(isSameSnapshot(await snapshotExport(out), before), `${where}: the previous export, at once`).toBe(true);
    }
  } else figures.absorbed += 1; // a failed folder fsync or clean-up after the swap changes nothing
  await recoverFolderExport(out); // the next export (or the app at start) does this first
  const isWhole = isSameSnapshot(await snapshotExport(out), failure ? before : after);
  if (!isWhole) figures.notWhole += 1;
  expect(isWhole, `${where}: after recovery, ${failure ? 'the previous' : 'the new'} export`).toBe(true);
  figures.foreignLost += (await lostForeignFiles(parent)).length;
  figures.left += (await findTempFiles(parent)).length + (await findStagingFolders(out, nodeArchiveFs)).length;
  await writeExport(JOB, out, 'folder');
  if (!isSameSnapshot(await snapshotExport(out), after)) figures.retryWrong += 1;
  await rm(parent, { recursive: true, force: true });
}

describe('file-system failures at every call of a folder export (persisting until fixed)', () => {
  it('reports a stable code and leaves the previous export whole, the user files untouched, nothing behind', async () => {
    const { calls, after } = await referenceRun();
    expect(calls).toBeGreaterThan(40);
    const figures: Figures = { runs: 0, reported: 0, absorbed: 0, notWhole: 0, keptAtOnce: 0, foreignLost: 0, left: 0, retryWrong: 0 };
    const codes = Object.keys(CODES);
    for (let n = 1; n <= calls; n++) {
      // Every call fails under one of the four codes in turn (under each of them with ANNALS_LONG_TESTS=1).
      for (const errno of IS_LONG ? codes : [codes[n % codes.length] as string]) await failAt(errno, n, after, figures);
    }
    console.log(
      `[export-faults] calls-per-export=${calls} failed-exports=${figures.runs} errors-reported=${figures.reported} absorbed=${figures.absorbed}` +
        ` previous-kept-at-once=${figures.keptAtOnce} not-whole-after-recovery=${figures.notWhole} foreign-lost=${figures.foreignLost}` +
        ` left-behind=${figures.left} retry-wrong=${figures.retryWrong}`,
    );
    expect(figures).toMatchObject({ notWhole: 0, foreignLost: 0, left: 0, retryWrong: 0 });
    expect(figures.runs).toBeGreaterThanOrEqual(calls);
    expect(figures.reported).toBeGreaterThan(figures.runs / 2);
  }, 120_000);
});
