import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type Archive, openArchive } from '../archive';
import { expandImportPaths } from '../archive/import';
import { createFaultyFs } from '../archive/testing/faulty-fs';
import { stopIngestWorker } from '../ingest/worker-client';
import { createEventHub } from './events';
import { createImportJobs } from './import-jobs';
import { SEED_DIR, payloadsOf, recordEvents } from './test-support';
import { createWriteLock } from './write-lock';

let dir: string;
let seeds: string[];
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'annals-jobs-'));
  seeds = await expandImportPaths([SEED_DIR], join(dir, 'archive'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});
afterAll(async () => {
  await stopIngestWorker();
});

function jobsFor(archive: Archive) {
  const events = createEventHub();
  const recorded = recordEvents(events);
  return { jobs: createImportJobs({ getArchive: () => archive, lock: createWriteLock(), events }), recorded };
}

describe('an import job', () => {
  it('imports a folder through the workers, announcing each batch\'s items and progress that ends with every file done', async () => {
    const archive = await openArchive(join(dir, 'archive'), { create: true });
    const { jobs, recorded } = jobsFor(archive);
    jobs.startPaths([SEED_DIR]);
    await jobs.whenIdle();
    const [done] = payloadsOf(recorded, 'import-done');
    expect(done).toMatchObject({ cancelled: false, failed: [] });
    expect(done?.files).toHaveLength(seeds.length);
    const announced = new Set(payloadsOf(recorded, 'items-changed').flatMap((change) => change.items));
    expect([...announced].sort()).toEqual(archive.listItems().map((item) => item.id).sort());
    const progress = payloadsOf(recorded, 'import-progress');
    const dones = progress.map((p) => p.done);
    expect(dones).toEqual([...dones].sort((a, b) => a - b));
    expect(progress.at(-1)).toMatchObject({ step: 'done', done: seeds.length, total: seeds.length });
    expect(await archive.check()).toEqual([]);
  });

  it('stops at a full disk with one clear message saying how many files were not imported', async () => {
    const faulty = createFaultyFs();
    const archive = await openArchive(join(dir, 'archive'), { create: true, fs: faulty.fs });
    const { jobs, recorded } = jobsFor(archive);
    faulty.arm(1, 'ENOSPC', true);
    jobs.startPaths([SEED_DIR]);
    await jobs.whenIdle();
    const [done] = payloadsOf(recorded, 'import-done');
    const stop = done?.failed.find((failure) => failure.file === '');
    expect(stop).toMatchObject({ code: 'disk-full', message: expect.stringMatching(/disk is full.*The import stopped there\. Importing the same files again finishes the job\.$/) });
    expect(done?.failed.filter((failure) => failure.file !== '').every((failure) => failure.code === 'disk-full')).toBe(true);
    expect(archive.listItems()).toEqual([]);
    faulty.disarm();
  });
});
