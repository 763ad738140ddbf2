import { mkdtemp, readdir, rm, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openArchive } from './archive';
import { ensureSampleArchive, listSeedPages } from './sample';
import { hashTree } from './testing/hash-tree';

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
});
