// The work the kill -9 tests interrupt (crash.test.ts runs it in a child process, crash-driver.ts):
// a real import, curator edits (notes, tags, collections, a taxonomy change with its re-tag) and
// exports, each a fixed list of operations on a fixed clock, so the archive after k operations is
// the same in every run and a recovered archive can be compared with "after k operations" exactly.
import { createHash } from 'node:crypto';
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { exportCollection } from '../../export';
import { addTaxonomyAliases } from '../../services/taxonomy-edits';
import { type Archive, openArchive } from '../archive';
import type { PagePreparer } from '../import-prepare';

export const SCENARIOS = ['import', 'edit', 'export'] as const;
export type ScenarioKind = (typeof SCENARIOS)[number];

// The driver may run bundled elsewhere (testing/child.ts): the test tells it where the seeds are.
const SEEDS = process.env.ANNALS_SEEDS_DIR ?? fileURLToPath(new URL('../../../resources/seeds', import.meta.url));
/**
 * Small pages keep a run short: the import scenario's operations, each an import of these pages in
 * batches of at most IMPORT_BATCH_FILES pages, so a kill lands inside a multi-page batch, between two
 * batches of one import, or between imports (the last one re-imports a page: a batch of duplicates).
 */
export const IMPORT_OPS = [
  ['000_cd461175736abc75.txt', '001_f0ede400db868b7c.txt', '003_a451cee1329377aa.txt'],
  ['ru/ru1.txt'],
  ['ru/ru2.txt', 'ru/ru4.txt', '000_cd461175736abc75.txt'],
  ['ru/ru5.txt', '004_b84ff4f94bcea16d.txt', 'ru/ru6.txt'],
].map((names) => names.map((name) => join(SEEDS, name)));
export const IMPORT_BATCH_FILES = 2;
const BASE_PAGES = ['002_0eeb045d78135ec7.txt', 'ru/ru3.txt'].map((name) => join(SEEDS, name));
const COLLECTION = 'Crash test';
const GENERATED = '2026-02-01T00:00:00.000Z';

/** A clock that ticks one second per call from `start` seconds after 2026-01-01: the same in every run. */
export function scenarioClock(start: number): () => Date {
  let tick = start;
  return () => new Date(Date.UTC(2026, 0, 1) + 1000 * tick++);
}

/** The archive every run of `kind` starts from (made once per test, then copied). */
export async function createBaseArchive(dir: string, kind: ScenarioKind): Promise<void> {
  const archive = await openArchive(dir, { create: true, now: scenarioClock(0) });
  if (kind !== 'import') {
    await archive.importPaths(BASE_PAGES);
    const { slug } = await archive.createCollection(COLLECTION, 'Items the crash test curates.');
    await archive.addToCollection(slug, archive.listItems().slice(0, 4).map((item) => item.id));
  }
  await archive.close();
}

type Op = () => Promise<unknown>;

function editOps(archive: Archive): Op[] {
  const ids = archive.listItems().map((item) => item.id);
  const id = (n: number) => ids[n % ids.length] as string;
  const slug = () => archive.findCollection(COLLECTION)?.slug ?? 'crash-test';
  return [
    () => archive.updateItem(id(0), { note: 'First note\nwith a second line' }),
    () => archive.updateItem(id(1), { addTags: { state: ['Armenia'] }, status: 'starred' }),
    () => archive.addToCollection(slug(), [id(5), id(6)]),
    () => addTaxonomyAliases(archive, { facet: 'state', label: 'Armenia', aliases: ['CSTO'], isNewLabelAllowed: false }),
    () => archive.updateItem(id(2), { removeTags: { state: ['Armenia'] }, note: 'reviewed' }),
    () => archive.reorderCollection(slug(), [...(archive.findCollection(COLLECTION)?.entries.map((e) => e.id) ?? [])].reverse()),
    () => archive.setCollectionEntryNote(slug(), id(5), 'key source'),
    () => archive.createCollection('Second collection', 'made during the crash test'),
    () => archive.updateItem(id(3), { status: 'reviewed', note: 'x'.repeat(2000) }),
    () => archive.removeFromCollection(slug(), [id(0)]),
    () => archive.deleteCollection('second-collection'),
    () => addTaxonomyAliases(archive, { facet: 'organ', label: 'Joint Staff', aliases: ['Secretariat'], isNewLabelAllowed: false }),
  ];
}

function exportOps(archive: Archive, out: string): Op[] {
  return Array.from({ length: 8 }, (_, n) => () =>
    exportCollection(archive, COLLECTION, out, {
      format: 'folder',
      text: n % 2 === 0 ? 'full' : 'excerpt',
      includeNotes: true,
      includeHighlights: true,
      includeTags: n % 2 === 0,
      generated: GENERATED,
    }),
  );
}

export interface ScenarioHooks {
  /** Told when an import batch is on disk (the test records the state there too). */
  onBatchWritten?: () => void;
  /** How an import reads its pages (the driver uses the ingest workers, as the app does). */
  preparer?: PagePreparer;
}

/**
 * The operations of a scenario, bound to an open archive (and, for exports, the output folder).
 */
export function scenarioOps(kind: ScenarioKind, archive: Archive, out: string, hooks: ScenarioHooks = {}): Op[] {
  if (kind === 'import') {
    const { onBatchWritten, preparer } = hooks;
    return IMPORT_OPS.map((pages) => () => archive.importPaths(pages, { batch: { files: IMPORT_BATCH_FILES }, onBatchWritten, preparer }));
  }
  return kind === 'edit' ? editOps(archive) : exportOps(archive, out);
}

/**
 * sha256 of every file under `dir` by relative path, leaving out .annals/ (lock, journal, caches);
 * `normalize` may rewrite a file's content before hashing (drop timestamps).
 */
export async function snapshotFiles(dir: string, normalize?: (file: string, bytes: Buffer) => string | Buffer): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  const entries = await readdir(dir, { withFileTypes: true, recursive: true }).catch(() => []);
  for (const entry of entries) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    const rel = path.slice(dir.length + 1).split('\\').join('/');
    if (rel.startsWith('.annals/')) continue;
    const bytes = await readFile(path);
    out.set(rel, createHash('sha256').update(normalize ? normalize(rel, bytes) : bytes).digest('hex'));
  }
  return out;
}
