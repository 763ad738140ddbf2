// One benchmark run: the same corpus and queries through raw MiniSearch and through the app.
import { cpus, loadavg, totalmem } from 'node:os';
import { createSearchIndex, searchArchive, toSearchDoc } from '../shared/search';
import { forgetQueryCache } from '../shared/search/query-cache';
import type { SearchDoc, SearchIndex } from '../shared/search';
import { type Contender, PAGE_SIZE, appContender, rawContender } from './engines';
import { generateItems } from './generate';
import { type ImportFigures, measureImport } from './import-bench';
import { byteSize, canCollectGarbage, computeTopOverlap, hasSameIds, now, percentile, round, settledHeapBytes, timeIt, toMB } from './measure';
import { type BenchQuery, type QueryKind, generateQueries } from './queries';
import { buildReferenceIndex, searchReference } from './reference';

export interface BenchOptions {
  items: number;
  queries: number;
  seed: number;
  skipRaw: boolean;
  /**
   * Queries raw MiniSearch runs, spread evenly over the mix (null: all of them). At 1,000,000 items
   * one raw query can take seconds; the figures say how many ran.
   */
  rawQueries: number | null;
  /** Skips saving and loading (the saved form of 1,000,000 items passes 4 GiB, a Uint8Array's limit). */
  skipSave: boolean;
  /** Items imported for the throughput figure (an import of 100k pages would dominate the run). */
  importItems: number;
  skipImport: boolean;
  skipAgreement: boolean;
  /**
   * Agreement compares whole hit lists, and the app builds a snippet for every hit it returns: above
   * this many items it runs on the corpus's first items, with an app index of their own.
   */
  agreementItems: number;
  log: (line: string) => void;
}

export interface EngineFigures {
  buildMs: number;
  /** null when saving was skipped or failed (see saveError). */
  saveMs: number | null;
  savedMB: number | null;
  loadMs: number | null;
  /** Heap retained by the built index (docs are shared with the corpus, so not counted). */
  heapMB: number;
  /** Heap retained by the loaded index, including whatever copy of the docs it keeps. */
  loadedHeapMB: number | null;
  /** Why there are no save/load figures, when there are none. */
  saveError?: string;
  /** Queries this engine ran (fewer than the run's with --raw-queries). */
  queriesRun: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  maxMs: number;
  p95ByKindMs: Partial<Record<QueryKind, number>>;
  saveFormat: string;
}

export interface AppFigures extends EngineFigures {
  /** Facet counts + month histogram (with the date sort) over the whole archive: the largest result set. */
  facetMs: number;
  /** The same over a filter-only query matching about 70% of the archive (lang:en). */
  facetFilterMs: number;
}

export interface AgreementFigures {
  /** Items of the corpus the agreement ran on. */
  items: number;
  sameHits: number;
  top10Overlap: number;
  byKind: Partial<Record<QueryKind, { sameHits: number; top10Overlap: number }>>;
  /** Queries whose hit sets differ, for looking into (at most 10). */
  differing: { query: string; app: number; reference: number }[];
}

export interface BenchResult {
  items: number;
  queries: number;
  raw: EngineFigures | null;
  app: AppFigures;
  import: (ImportFigures & { itemsPerSec: number; rawWriteItemsPerSec: number }) | null;
  agreement: AgreementFigures | null;
  seed: number;
  date: string;
  machine: { cpus: number; cpuModel: string; memoryGB: number; node: string; heapMeasured: boolean; loadAverage: number[] };
  ratios: { p50: number; p95: number; buildMs: number; loadMs: number | null; heapMB: number } | null;
}

const WARM_UP_QUERIES = 5;
const FACET_REPEATS = 5;

function median(samples: number[]): number {
  return percentile(samples, 50);
}

function runQueries<Index>(contender: Contender<Index>, index: Index, queries: BenchQuery[]): number[] {
  // A few queries first so JIT compilation and lazy structures are not billed to the first query.
  for (const query of queries.slice(0, WARM_UP_QUERIES)) contender.query(index, query.text);
  return queries.map((query) => timeIt(() => contender.query(index, query.text)).ms);
}

function p95ByKind(queries: BenchQuery[], times: number[]): Partial<Record<QueryKind, number>> {
  const byKind: Partial<Record<QueryKind, number[]>> = {};
  queries.forEach((query, i) => (byKind[query.kind] ??= []).push(times[i] ?? 0));
  return Object.fromEntries(Object.entries(byKind).map(([kind, samples]) => [kind, round(percentile(samples, 95))]));
}

// Saved form and loaded index stay inside this function, so neither weighs on the query timings.
function measureSaveLoad<Index>(contender: Contender<Index>, index: Index, log: (line: string) => void) {
  const saved = timeIt(() => contender.save(index));
  const heapBeforeLoad = settledHeapBytes();
  const loaded = timeIt(() => contender.load(saved.value));
  const loadedHeapMB = toMB(settledHeapBytes() - heapBeforeLoad);
  const savedMB = toMB(byteSize(saved.value));
  log(`${contender.name}: saved ${savedMB} MB in ${round(saved.ms, 0)} ms, loaded in ${round(loaded.ms, 0)} ms`);
  return { saveMs: round(saved.ms, 0), savedMB, loadMs: round(loaded.ms, 0), loadedHeapMB };
}

type SaveLoadFigures = Pick<EngineFigures, 'saveMs' | 'savedMB' | 'loadMs' | 'loadedHeapMB' | 'saveError'>;

// A save that cannot be made (too large for one array) is reported, not fatal: the other figures stand.
function trySaveLoad<Index>(contender: Contender<Index>, index: Index, skipSave: boolean, log: (line: string) => void): SaveLoadFigures {
  const none = { saveMs: null, savedMB: null, loadMs: null, loadedHeapMB: null };
  if (skipSave) return { ...none, saveError: 'skipped (--skip-save)' };
  try {
    return measureSaveLoad(contender, index, log);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    log(`${contender.name}: save/load failed: ${message}`);
    return { ...none, saveError: message };
  }
}

/** `count` queries spread evenly over the list (the list is ordered by kind, so the mix is kept). */
export function pickEvenly<T>(list: readonly T[], count: number | null): T[] {
  if (count === null || count >= list.length) return [...list];
  return Array.from({ length: count }, (_, i) => list[Math.floor((i * list.length) / count)] as T);
}

interface EngineRun {
  queries: BenchQuery[];
  skipSave: boolean;
  log: (line: string) => void;
}

function measureEngine<Index>(contender: Contender<Index>, docs: SearchDoc[], run: EngineRun) {
  const { queries, log } = run;
  const heapBefore = settledHeapBytes();
  const built = timeIt(() => contender.build(docs));
  const heapMB = toMB(settledHeapBytes() - heapBefore);
  log(`${contender.name}: built in ${round(built.ms, 0)} ms, ${heapMB} MB`);
  const saveLoad = trySaveLoad(contender, built.value, run.skipSave, log);
  const times = runQueries(contender, built.value, queries);
  log(`${contender.name}: ${queries.length} queries, p95 ${round(percentile(times, 95))} ms`);
  const figures: EngineFigures = {
    buildMs: round(built.ms, 0),
    ...saveLoad,
    heapMB,
    p50Ms: round(percentile(times, 50)),
    p95Ms: round(percentile(times, 95)),
    p99Ms: round(percentile(times, 99)),
    maxMs: round(Math.max(...times)),
    p95ByKindMs: p95ByKind(queries, times),
    saveFormat: contender.saveFormat,
    queriesRun: queries.length,
  };
  return { figures, index: built.value };
}

// Each repeat starts without the engine's query cache: the facets of everything are kept between
// searches (query-cache.ts), and the figure is what computing them costs, not recalling them.
function measureFacets(index: SearchIndex, query: string): number {
  const samples: number[] = [];
  for (let i = 0; i < FACET_REPEATS; i++) {
    forgetQueryCache(index.inverted);
    samples.push(timeIt(() => searchArchive(index, query, { limit: PAGE_SIZE })).ms);
  }
  return round(median(samples));
}

function measureAgreement(built: SearchIndex, allDocs: SearchDoc[], queries: BenchQuery[], maxItems: number): AgreementFigures {
  const docs = allDocs.length <= maxItems ? allDocs : allDocs.slice(0, maxItems);
  const index = docs === allDocs ? built : createSearchIndex(docs);
  const reference = buildReferenceIndex(docs);
  const rows = queries.map((query) => {
    const total = searchArchive(index, query.text, { limit: 0 }).total;
    const app = searchArchive(index, query.text, { limit: total }).hits.map((hit) => hit.id);
    const expected = searchReference(reference, query.text);
    return { query, app, expected, isSame: hasSameIds(app, expected), overlap: computeTopOverlap(app, expected) };
  });
  const summarize = (subset: typeof rows) => ({
    sameHits: round(subset.filter((row) => row.isSame).length / Math.max(1, subset.length), 3),
    top10Overlap: round(subset.reduce((sum, row) => sum + row.overlap, 0) / Math.max(1, subset.length), 3),
  });
  const kinds = [...new Set(queries.map((query) => query.kind))];
  return {
    items: docs.length,
    ...summarize(rows),
    byKind: Object.fromEntries(kinds.map((kind) => [kind, summarize(rows.filter((row) => row.query.kind === kind))])),
    differing: rows
      .filter((row) => !row.isSame)
      .slice(0, 10)
      .map((row) => ({ query: row.query.text, app: row.app.length, reference: row.expected.length })),
  };
}

function describeMachine(): BenchResult['machine'] {
  const cpu = cpus();
  return {
    cpus: cpu.length,
    cpuModel: cpu[0]?.model.trim() ?? 'unknown',
    memoryGB: round(totalmem() / 1024 ** 3, 1),
    node: process.version,
    heapMeasured: canCollectGarbage(),
    // Other work on the machine during the run shows here: figures from a loaded machine are slower.
    loadAverage: loadavg().map((value) => round(value, 2)),
  };
}

/** Runs the whole benchmark; progress goes to options.log. */
export async function runBench(options: BenchOptions): Promise<BenchResult> {
  const { log } = options;
  const startedAt = now();
  const items = generateItems(options.items, options.seed);
  const docs = items.map((item) => toSearchDoc(item, []));
  const queries = generateQueries(items, options.queries, options.seed);
  log(`corpus: ${items.length} items, ${queries.length} queries (${round(now() - startedAt, 0)} ms)`);
  const rawQueries = pickEvenly(queries, options.rawQueries);
  if (!options.skipRaw && rawQueries.length < queries.length) log(`raw: only ${rawQueries.length} of the ${queries.length} queries (--raw-queries)`);
  const raw = options.skipRaw ? null : measureEngine(rawContender, docs, { queries: rawQueries, skipSave: options.skipSave, log }).figures;
  const app = measureEngine(appContender, docs, { queries, skipSave: options.skipSave, log });
  const facetMs = measureFacets(app.index, '');
  const facetFilterMs = measureFacets(app.index, 'lang:en');
  log(`app: facets over everything ${facetMs} ms, over lang:en ${facetFilterMs} ms`);
  const agreementStart = now();
  const agreement = options.skipAgreement ? null : measureAgreement(app.index, docs, queries, options.agreementItems);
  if (agreement) log(`agreement: same hits ${agreement.sameHits}, top-10 overlap ${agreement.top10Overlap} (${round((now() - agreementStart) / 1000, 1)} s)`);
  const importFigures = options.skipImport ? null : await measureImport(items.slice(0, options.importItems));
  if (importFigures) {
    log(`import: ${round(importFigures.itemsPerSec, 0)} items/s (plain writes ${round(importFigures.rawWriteItemsPerSec, 0)}, atomic writes ${round(importFigures.atomicWriteItemsPerSec, 0)})`);
  }
  const appFigures: AppFigures = { ...app.figures, facetMs, facetFilterMs };
  return {
    items: items.length,
    queries: queries.length,
    raw,
    app: appFigures,
    import: importFigures
      ? {
          ...importFigures,
          itemsPerSec: round(importFigures.itemsPerSec, 0),
          rawWriteItemsPerSec: round(importFigures.rawWriteItemsPerSec, 0),
          atomicWriteItemsPerSec: round(importFigures.atomicWriteItemsPerSec, 0),
        }
      : null,
    agreement,
    seed: options.seed,
    date: new Date().toISOString(),
    machine: describeMachine(),
    ratios: raw
      ? {
          p50: round(raw.p50Ms / appFigures.p50Ms, 1),
          p95: round(raw.p95Ms / appFigures.p95Ms, 1),
          buildMs: round(appFigures.buildMs / raw.buildMs, 2),
          loadMs: appFigures.loadMs !== null && raw.loadMs ? round(appFigures.loadMs / raw.loadMs, 2) : null,
          heapMB: round(appFigures.heapMB / raw.heapMB, 2),
        }
      : null,
  };
}
