// Tells whether an archive is still the bundled sample: every item comes from a seed page. The UI
// then invites the user to import their own pages (and may offer to start a fresh archive).
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import type { Archive } from '../archive';
import { SEEDS_DIR } from '../archive';
import { listSeedPages } from '../archive/sample';

export type SampleDetector = (archive: Archive) => Promise<boolean>;

/** A detector hashing the seed pages once; with no readable seeds nothing counts as the sample. */
export function createSampleDetector(seedsDir: string = SEEDS_DIR): SampleDetector {
  let seedHashes: Promise<Set<string>> | null = null;
  const loadHashes = async () => {
    const pages = await listSeedPages(seedsDir).catch(() => []);
    const hashes = await Promise.all(pages.map(async (page) => createHash('sha256').update(await readFile(page)).digest('hex')));
    return new Set(hashes);
  };
  return async (archive) => {
    const items = archive.listItems();
    if (items.length === 0) return false;
    seedHashes ??= loadHashes();
    const hashes = await seedHashes;
    return items.every((item) => item.sources.length > 0 && item.sources.every((source) => hashes.has(source.sha256)));
  };
}
