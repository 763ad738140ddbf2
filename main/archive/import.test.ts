import { mkdtemp, readdir, rm, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { preparePageInWorker, stopIngestWorker } from '../ingest/worker-client';
import { openArchive } from './archive';
import type { ImportProgress } from './import';
import { ensureSampleArchive, listSeedPages } from './sample';
import { scenarioClock, snapshotFiles } from './testing/crash-scenarios';
import { createFaultyFs } from './testing/faulty-fs';
import { hashTree } from './testing/hash-tree';

const SEEDS = join(process.cwd(), 'resources', 'seeds');

const TEASERS =
  '15.05.2025\n\nThe CSTO Secretary General Imangali Tasmagambetov met with the Minister of Defence of the Kyrgyz ' +
  'Republic in Bishkek to discuss the joint exercise…\n\n14.05.2025\n\nAnother teaser about the Collective Rapid ' +
  'Reaction Forces of the Organization and their training in Tajikistan this spring.\n';
const ARTICLE =
  'Tasmagambetov meets Kyrgyz Defence Minister\n\n15.05.2025\n\nThe CSTO Secretary General Imangali Tasmagambetov ' +
  'met with the Minister of Defence of the Kyrgyz Republic in Bishkek to discuss the joint exercise of the Collective ' +
  'Rapid Reaction Forces planned for the autumn.\n\nThe parties noted the high level of cooperation between the ' +
  'Secretariat and the Ministry.\n';

let dir: string;
let pages: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'annals-import-'));
  pages = join(dir, 'pages');
  await mkdir(pages);
  await writeFile(join(pages, 'teasers.txt'), TEASERS);
  await writeFile(join(pages, 'article.txt'), ARTICLE);
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});
afterAll(async () => {
  await stopIngestWorker();
});


describe('importing pages into an archive', () => {
  for (const order of [['teasers.txt', 'article.txt'], ['article.txt', 'teasers.txt']]) {
    it(`merges a teaser and its full article into one item keeping both sources (${order.join(' then ')})`, async () => {
      const archive = await openArchive(join(dir, 'archive'), { create: true });
      const result = await archive.importPaths(order.map((name) => join(pages, name)));
      expect(result).toMatchObject({ added: 2, merged: 1, duplicates: 0, failed: [] });
      const merged = archive.listItems().find((item) => item.title === 'Tasmagambetov meets Kyrgyz Defence Minister');
      expect(merged?.text).toMatch(/planned for the autumn/);
      expect(merged?.sources.map((s) => s.file).sort()).toEqual(['article.txt', 'teasers.txt']);
      expect(await readdir(join(dir, 'archive', 'sources'))).toHaveLength(2);
      expect(await archive.check()).toEqual([]);

      const before = await hashTree(join(dir, 'archive'));
      const again = await archive.importPaths([pages]);
      expect(again).toMatchObject({ added: 0, merged: 0, duplicates: 3 });
      expect(await hashTree(join(dir, 'archive'))).toBe(before);
    });
  }

  it('leaves the archive untouched by a file that fails, and imports the files after it', async () => {
    const archive = await openArchive(join(dir, 'archive'), { create: true });
    await archive.importPaths([join(pages, 'teasers.txt')]);
    const before = await hashTree(join(dir, 'archive'));
    await writeFile(join(pages, 'binary.txt'), new Uint8Array([0, 1, 2, 0, 255, 0, 7]));
    const result = await archive.importPaths([join(pages, 'binary.txt')]);
    expect(result.failed).toEqual([expect.objectContaining({ file: join(pages, 'binary.txt'), code: 'binary' })]);
    expect(await hashTree(join(dir, 'archive'))).toBe(before);
    const next = await archive.importPaths([join(pages, 'binary.txt'), join(pages, 'article.txt')]);
    expect(next).toMatchObject({ merged: 1, failed: [expect.objectContaining({ code: 'binary' })] });
  });

  it('stops between files when cancelled, leaving a consistent archive', async () => {
    const archive = await openArchive(join(dir, 'archive'), { create: true });
    const controller = new AbortController();
    const steps: string[] = [];
    const result = await archive.importPaths(await listSeedPages(join(process.cwd(), 'resources', 'seeds')), {
      signal: controller.signal,
      onProgress: (progress) => {
        steps.push(`${progress.step}:${progress.done}`);
        if (progress.step === 'importing' && progress.done === 2) controller.abort();
      },
    });
    expect(result.cancelled).toBe(true);
    expect(result.files).toHaveLength(3);
    expect(steps.slice(0, 4)).toEqual(['listing:0', 'importing:0', 'importing:1', 'importing:2']);
    const reopened = await openArchive(join(dir, 'archive'), { sweep: false });
    expect(await reopened.check()).toEqual([]);
    const importedFiles = new Set(result.files.map((file) => basename(file.file)));
    expect(reopened.listItems().length).toBeGreaterThan(0);
    for (const item of reopened.listItems()) expect(importedFiles).toContain(item.sources[0]?.file);
  });

  it('creates the sample archive on first run only', async () => {
    const target = join(dir, 'sample');
    const first = await ensureSampleArchive(target);
    expect(first.isNew).toBe(true);
    const langs = new Set(first.archive.listItems().map((item) => item.lang));
    expect([...langs].sort()).toEqual(['en', 'ru']);
    const before = await hashTree(target);
    const second = await ensureSampleArchive(target);
    expect(second.isNew).toBe(false);
    expect(await hashTree(target)).toBe(before);
  });

  it('fails only the file that does not parse in the middle of a batch; the batch\'s other files are imported', async () => {
    await writeFile(join(pages, 'binary.txt'), new Uint8Array([0, 1, 2, 0, 255, 0, 7]));
    const archive = await openArchive(join(dir, 'archive'), { create: true });
    const files = ['teasers.txt', 'binary.txt', 'article.txt'].map((name) => join(pages, name));
    const result = await archive.importPaths(files);
    expect(result.failed).toEqual([expect.objectContaining({ file: files[1], code: 'binary', message: expect.stringContaining('binary.txt') })]);
    expect(result.files.map((file) => [basename(file.file), file.added + file.merged])).toEqual([['teasers.txt', 2], ['binary.txt', 0], ['article.txt', 1]]);
    expect(result.stopped).toBeUndefined();
    expect(await archive.check()).toEqual([]);
    expect(archive.listItems()).toHaveLength(2);
  });

  it('reports progress that never goes back and ends with every file done', async () => {
    await writeFile(join(pages, 'binary.txt'), new Uint8Array([0, 1, 2, 0, 255, 0, 7]));
    const archive = await openArchive(join(dir, 'archive'), { create: true });
    const seen: ImportProgress[] = [];
    const paths = [...(await listSeedPages(SEEDS)), join(pages, 'binary.txt')];
    await archive.importPaths(paths, { batch: { files: 3 }, onProgress: (progress) => seen.push(progress) });
    const dones = seen.map((progress) => progress.done);
    expect(dones).toEqual([...dones].sort((a, b) => a - b));
    expect(seen.at(-1)).toEqual({ step: 'done', done: paths.length, total: paths.length });
    expect(seen.filter((progress) => progress.step === 'importing').map((progress) => progress.file)).toEqual(paths);
  });

  it('stops between batches when cancelled: the batches written stay whole, the result lists exactly them', async () => {
    const archive = await openArchive(join(dir, 'archive'), { create: true });
    const controller = new AbortController();
    const paths = await listSeedPages(SEEDS);
    const written: string[][] = [];
    const result = await archive.importPaths(paths, {
      batch: { files: 2 },
      signal: controller.signal,
      onBatchWritten: (items) => {
        written.push(items);
        controller.abort();
      },
    });
    expect(result).toMatchObject({ cancelled: true, failed: [] });
    expect(result.files.map((file) => file.file)).toEqual(paths.slice(0, 2));
    const reopened = await openArchive(join(dir, 'archive'), { sweep: false });
    expect(await reopened.check()).toEqual([]);
    expect(reopened.listItems().map((item) => item.id).sort()).toEqual([...(written[0] ?? [])].sort());
    expect(reopened.listItems()).toHaveLength(result.added);
    const sources = new Set(reopened.listItems().flatMap((item) => item.sources.map((source) => source.file)));
    expect([...sources].sort()).toEqual(paths.slice(0, 2).map((path) => basename(path)).sort());
  });

  it('imports the seeds twice in small batches to the very same files, adding nothing the second time', async () => {
    const archive = await openArchive(join(dir, 'archive'), { create: true });
    const paths = await listSeedPages(SEEDS);
    const first = await archive.importPaths(paths, { batch: { files: 4 } });
    expect(first.added).toBeGreaterThan(0);
    const before = await hashTree(join(dir, 'archive'));
    const again = await archive.importPaths(paths, { batch: { files: 4 } });
    expect(again).toMatchObject({ added: 0, merged: 0, failed: [] });
    expect(again.duplicates).toBe(first.added + first.merged + first.duplicates);
    expect(await hashTree(join(dir, 'archive'))).toBe(before);
  });

  it('writes through the ingest workers exactly the files it writes on this thread', async () => {
    const paths = await listSeedPages(SEEDS);
    const here = await openArchive(join(dir, 'here'), { create: true, now: scenarioClock(0) });
    const there = await openArchive(join(dir, 'there'), { create: true, now: scenarioClock(0) });
    const inline = await here.importPaths(paths, { batch: { files: 3 } });
    const pooled = await there.importPaths(paths, { batch: { files: 3 }, preparer: preparePageInWorker });
    expect(pooled.added).toBe(inline.added);
    const [a, b] = [await snapshotFiles(join(dir, 'here')), await snapshotFiles(join(dir, 'there'))];
    a.delete('annals.json');
    b.delete('annals.json');
    expect(b).toEqual(a);
  });

  it('stops at a batch it cannot write (disk full): that batch is undone and failed with its code, a retry completes', async () => {
    const faulty = createFaultyFs();
    const archive = await openArchive(join(dir, 'archive'), { create: true, fs: faulty.fs });
    const paths = await listSeedPages(SEEDS);
    let batches = 0;
    const result = await archive.importPaths(paths, {
      batch: { files: 2 },
      onBatchWritten: () => {
        batches += 1;
        if (batches === 1) faulty.arm(3, 'ENOSPC', true); // the space runs out while the second batch is staged
      },
    });
    expect(batches).toBe(1);
    expect(result.stopped).toMatchObject({ code: 'disk-full', notImported: paths.length - 4 });
    expect(result.stopped?.message).toMatch(/disk is full.*Nothing was changed/);
    expect(result.failed.map((failure) => [basename(failure.file), failure.code])).toEqual(paths.slice(2, 4).map((path) => [basename(path), 'disk-full']));
    expect(result.files).toHaveLength(4);
    const firstBatch = new Set(result.files.slice(0, 2).map((file) => basename(file.file)));
    for (const item of archive.listItems()) expect(firstBatch).toContain(item.sources[0]?.file);
    faulty.disarm();
    const retry = await archive.importPaths(paths);
    expect(retry).toMatchObject({ failed: [] });
    expect(retry.added).toBeGreaterThan(0); // the files of the undone batch and those never tried
    await archive.close();
    const reopened = await openArchive(join(dir, 'archive'));
    expect(await reopened.check()).toEqual([]);
    const reference = await openArchive(join(dir, 'reference'), { create: true });
    await reference.importPaths(paths);
    expect(reopened.listItems().map((item) => item.id).sort()).toEqual(reference.listItems().map((item) => item.id).sort());
  });

  it('stores the same bytes imported as .txt and as .md in one batch as two sources, each item\'s source present', async () => {
    await writeFile(join(pages, 'article.md'), ARTICLE);
    const archive = await openArchive(join(dir, 'archive'), { create: true });
    const result = await archive.importPaths([join(pages, 'article.txt'), join(pages, 'article.md')]);
    expect(result).toMatchObject({ added: 1, duplicates: 1, failed: [] });
    expect((await readdir(join(dir, 'archive', 'sources'))).map((name) => name.split('.')[1]).sort()).toEqual(['md', 'txt']);
    expect(await archive.check()).toEqual([]);
  });
});
