import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFaultyFs } from '../archive/testing/faulty-fs';
import { createExportLedger } from './export-ledger';
import { exportVariant, isSameSnapshot, makeFastTempRoot, prepareExportFolder, snapshotExport } from './testing/crash-exports';
import { writeExport } from './write-export';

const JOB = exportVariant(3).slice(0, 9);

let root: string;
beforeAll(async () => {
  root = await makeFastTempRoot('annals-export-ledger-');
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

/** Fails a folder export at the first call that leaves the folder mixed (the app "crashed" there). */
async function crashMidSwap(out: string, before: Map<string, string>): Promise<void> {
  for (let n = 1; n < 400; n++) {
    await rm(join(out, '..'), { recursive: true, force: true });
    await prepareExportFolder(join(out, '..'));
    const faulty = createFaultyFs();
    faulty.arm(n, 'EIO', true);
    const failure = await writeExport(JOB, out, 'folder', { fs: faulty.fs }).then(() => null, (error: unknown) => error as Error);
    const isMixed = !isSameSnapshot(await snapshotExport(out), before);
    if (failure && /will be put back/.test(failure.message) && isMixed) return;
  }
  throw new Error('no failing call left the export folder to be put back');
}

describe('the ledger of unfinished folder exports', () => {
  it('puts back, at the next start, a folder whose export was cut off mid-swap, then forgets it', async () => {
    const out = join(root, 'crash', 'out');
    const ledgerFile = join(root, 'crash-ledger.json');
    await prepareExportFolder(join(out, '..'));
    const before = await snapshotExport(out);
    await createExportLedger(ledgerFile).begin(out);
    await crashMidSwap(out, before);
    expect(isSameSnapshot(await snapshotExport(out), before)).toBe(false);

    const results = await createExportLedger(ledgerFile).recoverAll();
    expect(results).toHaveLength(1);
    expect(results[0]?.recovery?.rolledBack.length).toBeGreaterThan(0);
    expect(isSameSnapshot(await snapshotExport(out), before)).toBe(true);
    expect(JSON.parse(await readFile(ledgerFile, 'utf8'))).toEqual({ version: 1, folders: [] });
    console.log(`[export-ledger] recovered-at-start=${results.length} rolled-back=${results[0]?.recovery?.rolledBack.length}`);
  });

  it('forgets a finished export and a folder the user has since removed', async () => {
    const ledgerFile = join(root, 'forget-ledger.json');
    const ledger = createExportLedger(ledgerFile);
    await Promise.all([ledger.begin(join(root, 'a')), ledger.begin(join(root, 'b')), ledger.begin(join(root, 'a'))]);
    expect(JSON.parse(await readFile(ledgerFile, 'utf8')).folders).toEqual([join(root, 'a'), join(root, 'b')]);
    await ledger.finish(join(root, 'a'));
    const results = await ledger.recoverAll();
    expect(results.map((result) => [result.folder, result.error?.code ?? 'ok'])).toEqual([[join(root, 'b'), 'ok']]);
    expect(JSON.parse(await readFile(ledgerFile, 'utf8')).folders).toEqual([]);
  });

  it('starts empty from a missing or damaged ledger file', async () => {
    const ledgerFile = join(root, 'damaged-ledger.json');
    expect(await createExportLedger(ledgerFile).recoverAll()).toEqual([]);
    await writeExport([{ path: 'x.md', content: 'x' }], ledgerFile, 'single');
    expect(await createExportLedger(ledgerFile).recoverAll()).toEqual([]);
  });
});
