import { mkdtemp, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { computeDedupeKeys, contentId } from './item-index';
import { preparePageHere } from './import-prepare';
import { loadArchiveTaxonomy } from './taxonomy-file';

const SEEDS = join(__dirname, '..', '..', 'resources', 'seeds');
const NOW = '2026-01-01T00:00:00.000Z';

describe('preparing a page for the archive', () => {
  it('gives every item its content id and the dedupe keys of its own text and title, titled or not', async () => {
    const taxonomy = await loadArchiveTaxonomy(await mkdtemp(join(tmpdir(), 'annals-prepare-')));
    const scratch = await mkdtemp(join(tmpdir(), 'annals-prepare-pages-'));
    // A page with no title line: the item's title is derived, so its keys are not the parsed item's.
    const untitled = join(scratch, 'untitled.txt');
    await writeFile(untitled, 'Moscow, 3 March 2024. The CSTO Joint Staff held a planning conference for the exercise.\n');
    const pages = [...(await readdir(SEEDS)).filter((name) => name.endsWith('.txt')).map((name) => join(SEEDS, name)), untitled];
    let items = 0;
    let derived = 0;
    for (const path of pages) {
      for (const { item, keys } of (await preparePageHere(path, taxonomy, NOW)).items) {
        expect(keys).toEqual(computeDedupeKeys(item.text, item.title));
        expect(item.id).toBe(contentId(item.text, item.isTitleDerived ? null : item.title));
        items += 1;
        if (item.isTitleDerived) derived += 1;
      }
    }
    expect(items).toBeGreaterThan(pages.length);
    expect(derived).toBeGreaterThan(0);
    console.log(`[prepare-keys] pages=${pages.length} items=${items} derived-titles=${derived}`);
  });
});
