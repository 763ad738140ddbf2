import { mkdtemp, readFile, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Archive, openArchive } from './archive';
import { ensureSampleArchive } from './sample';
import { SEARCH_CACHE_FILE, loadOrBuildSearchIndex } from './search-cache';

let dir: string;
let archive: Archive;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'annals-search-cache-'));
  archive = (await ensureSampleArchive(join(dir, 'archive'))).archive;
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('the cached search index', () => {
  it('is built once, then loaded from .annals while the item files are unchanged', async () => {
    await rm(join(archive.dir, '.annals'), { recursive: true, force: true });
    expect((await loadOrBuildSearchIndex(archive)).isFromCache).toBe(false);
    expect((await loadOrBuildSearchIndex(archive)).isFromCache).toBe(true);
    expect((await archive.search('Tasmagambetov')).total).toBeGreaterThan(0);
  });

  it('is rebuilt when an item file changes outside the app, and finds the new text', async () => {
    await loadOrBuildSearchIndex(archive);
    const item = archive.listItems()[0];
    const file = join(archive.dir, archive.itemFile(item?.id ?? '') ?? '');
    const text = await readFile(file, 'utf8');
    await writeFile(file, text.replace(/\n$/, ' Zanzibarian addendum.\n'));
    await utimes(file, new Date(), new Date(Date.now() + 5000));
    const reopened = await openArchive(archive.dir);
    expect((await loadOrBuildSearchIndex(reopened)).isFromCache).toBe(false);
    expect((await reopened.search('Zanzibarian')).hits.map((hit) => hit.id)).toEqual([item?.id]);
  });

  it('is rebuilt from the files when the cache is damaged', async () => {
    await writeFile(join(archive.dir, SEARCH_CACHE_FILE), '{"version":1,"fingerprint":');
    const { isFromCache } = await loadOrBuildSearchIndex(archive);
    expect(isFromCache).toBe(false);
    expect((await archive.search('учений')).total).toBeGreaterThan(0);
  });

  it('knows collections for in: queries', async () => {
    const collection = await archive.createCollection('Reading list');
    const item = archive.listItems()[1];
    await archive.addToCollection(collection.slug, [item?.id ?? '']);
    expect((await archive.search('in:reading-list')).hits.map((hit) => hit.id)).toEqual([item?.id]);
  });
});
