import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDefaultTaxonomy } from '../../shared/taxonomy';
import { preparePageHere } from '../archive/import-prepare';
import { defaultIngestWorkers, ingestWorkerCount, preparePageInWorker, setIngestWorkerCount, stopIngestWorker } from './worker-client';

const SEEDS = join(process.cwd(), 'resources', 'seeds');
const NOW = '2026-03-01T12:00:00.000Z';

let dir: string;
let pages: string[];
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'annals-pool-'));
  await writeFile(join(dir, 'binary.txt'), new Uint8Array([0, 1, 2, 0, 255, 0, 7]));
  const seeds = (await readdir(SEEDS, { recursive: true })).filter((name) => name.endsWith('.txt')).sort();
  pages = seeds.map((name) => join(SEEDS, name));
  setIngestWorkerCount(2);
});
afterAll(async () => {
  await stopIngestWorker();
  setIngestWorkerCount(defaultIngestWorkers());
  await rm(dir, { recursive: true, force: true });
});

const outcomeOf = (promise: Promise<unknown>) => promise.then((page) => ({ page }), (error: { code: string; file: string }) => ({ error: { code: error.code, file: error.file } }));

describe('the ingest worker pool', () => {
  it('prepares many pages at once in two workers, each exactly as on this thread', async () => {
    const taxonomy = loadDefaultTaxonomy();
    expect(ingestWorkerCount()).toBe(2);
    const pooled = await Promise.all(pages.map((path) => preparePageInWorker(path, taxonomy, NOW)));
    for (const [index, path] of pages.entries()) {
      const here = await preparePageHere(path, taxonomy, NOW);
      const there = pooled[index];
      expect(there?.path).toBe(path);
      expect(there?.sha256).toBe(here.sha256);
      expect(Buffer.from(there?.bytes ?? []).equals(Buffer.from(here.bytes))).toBe(true);
      expect(there?.items).toEqual(here.items);
    }
  });

  it('fails a page that cannot be read among many by its name, and prepares the others', async () => {
    const taxonomy = loadDefaultTaxonomy();
    const paths = [...pages.slice(0, 3), join(dir, 'binary.txt'), ...pages.slice(3, 6)];
    const outcomes = await Promise.all(paths.map((path) => outcomeOf(preparePageInWorker(path, taxonomy, NOW))));
    expect(outcomes[3]).toEqual({ error: { code: 'binary', file: 'binary.txt' } });
    expect(outcomes.filter((outcome) => 'page' in outcome)).toHaveLength(paths.length - 1);
  });
});
