// The archive the browser benchmark serves: the bench corpus written straight to item files with the
// archive's own serializer and file names (import has its own benchmark), reusable between runs.
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { serializeItem } from '../../main/archive/item-file';
import { createManifest } from '../../main/archive/manifest';
import { COLLECTIONS_DIR, ITEMS_DIR, SOURCES_DIR, itemRelPath } from '../../main/archive/paths';
import type { Item } from '../../shared/model';

const WRITE_CONCURRENCY = 64;
const MARKER_FILE = 'bench-corpus.json';

export interface BenchArchive {
  archiveDir: string;
  /** False when a kept archive of the same corpus was reused. */
  isNew: boolean;
  writeMs: number;
}

interface Marker {
  items: number;
  seed: number;
}

async function readMarker(rootDir: string): Promise<Marker | null> {
  try {
    return JSON.parse(await readFile(join(rootDir, MARKER_FILE), 'utf8')) as Marker;
  } catch {
    return null;
  }
}

async function writeItemFiles(archiveDir: string, items: readonly Item[]): Promise<void> {
  const paths = items.map((item) => join(archiveDir, itemRelPath(item)));
  for (const folder of new Set(paths.map((p) => dirname(p)))) await mkdir(folder, { recursive: true });
  for (let start = 0; start < items.length; start += WRITE_CONCURRENCY) {
    const batch = items.slice(start, start + WRITE_CONCURRENCY);
    await Promise.all(batch.map((item, k) => writeFile(paths[start + k] ?? '', serializeItem(item))));
  }
}

/**
 * Makes `rootDir/archive` hold exactly `items` (generated from `seed`), unless it already does
 * (a marker beside it names the corpus it was written from).
 */
export async function prepareBenchArchive(rootDir: string, items: readonly Item[], seed: number): Promise<BenchArchive> {
  const archiveDir = join(rootDir, 'archive');
  const marker = await readMarker(rootDir);
  if (marker && marker.items === items.length && marker.seed === seed) return { archiveDir, isNew: false, writeMs: 0 };
  const started = performance.now();
  await rm(join(rootDir, MARKER_FILE), { force: true });
  await rm(archiveDir, { recursive: true, force: true });
  // An empty archive as openArchive({ create: true }) makes one: annals.json, .gitattributes, folders.
  await mkdir(archiveDir, { recursive: true });
  await createManifest(archiveDir, new Date());
  for (const folder of [ITEMS_DIR, COLLECTIONS_DIR, SOURCES_DIR]) await mkdir(join(archiveDir, folder), { recursive: true });
  await writeItemFiles(archiveDir, items);
  await writeFile(join(rootDir, MARKER_FILE), `${JSON.stringify({ items: items.length, seed } satisfies Marker)}\n`);
  return { archiveDir, isNew: true, writeMs: performance.now() - started };
}
