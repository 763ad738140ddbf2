// The readable report of a run: one table, app beside raw MiniSearch, with the ratio.
import type { BenchResult } from './run';

type Row = [label: string, raw: number | null | undefined, app: number | null | undefined, better: 'lower' | 'higher'];

function format(value: number | null | undefined): string {
  if (value === null || value === undefined || Number.isNaN(value)) return '–';
  return value >= 100 ? Math.round(value).toLocaleString('en-US') : String(value);
}

// "12× faster" reads better than a bare quotient; the direction depends on the figure.
function formatRatio(raw: number | null | undefined, app: number | null | undefined, better: 'lower' | 'higher'): string {
  if (!raw || !app) return '';
  const ratio = better === 'lower' ? raw / app : app / raw;
  return ratio >= 1 ? `${ratio.toFixed(1)}× better` : `${(1 / ratio).toFixed(1)}× worse`;
}

function pad(cells: string[], widths: number[]): string {
  return cells.map((cell, i) => (i === 0 ? cell.padEnd(widths[i] ?? 0) : cell.padStart(widths[i] ?? 0))).join('  ');
}

/** The run as a plain-text table for the terminal. */
export function formatReport(result: BenchResult): string {
  const { raw, app } = result;
  const rows: Row[] = [
    ['index build (ms)', raw?.buildMs, app.buildMs, 'lower'],
    ['save (ms)', raw?.saveMs, app.saveMs, 'lower'],
    ['saved size (MB)', raw?.savedMB, app.savedMB, 'lower'],
    ['load (ms)', raw?.loadMs, app.loadMs, 'lower'],
    ['heap, built index (MB)', raw?.heapMB, app.heapMB, 'lower'],
    ['heap, loaded index (MB)', raw?.loadedHeapMB, app.loadedHeapMB, 'lower'],
    ['query p50 (ms)', raw?.p50Ms, app.p50Ms, 'lower'],
    ['query p95 (ms)', raw?.p95Ms, app.p95Ms, 'lower'],
    ['query p99 (ms)', raw?.p99Ms, app.p99Ms, 'lower'],
    ['query max (ms)', raw?.maxMs, app.maxMs, 'lower'],
  ];
  const table = [['', 'raw MiniSearch', 'app', 'app vs raw'], ...rows.map(([label, r, a, better]) => [label, format(r), format(a), formatRatio(r, a, better)])];
  const widths = table[0]?.map((_, i) => Math.max(...table.map((row) => (row[i] ?? '').length))) ?? [];
  const lines = [
    `Annals benchmark: ${result.items.toLocaleString('en-US')} items, ${result.queries} queries, seed ${result.seed}`,
    `${result.machine.cpus} × ${result.machine.cpuModel}, ${result.machine.memoryGB} GB, Node ${result.machine.node}, load average ${result.machine.loadAverage.join(' ')}${result.machine.heapMeasured ? '' : ' (no --expose-gc: heap figures are rough)'}`,
    '',
    ...table.map((row) => pad(row, widths)),
    '',
    `app saved index: ${app.saveFormat}${app.saveError ? ` (no save/load figures: ${app.saveError})` : ''}`,
    `app facets + month histogram: ${app.facetMs} ms over all items, ${app.facetFilterMs} ms over lang:en`,
    `p95 by query kind (ms), app: ${JSON.stringify(app.p95ByKindMs)}`,
  ];
  if (raw) lines.push(`p95 by query kind (ms), raw: ${JSON.stringify(raw.p95ByKindMs)}`);
  if (raw && raw.queriesRun < result.queries) {
    lines.push(`raw MiniSearch ran ${raw.queriesRun} of the ${result.queries} queries (--raw-queries), spread over the mix`);
  }
  if (result.import) {
    const imp = result.import;
    lines.push(`import: ${imp.itemsPerSec} items/s (${imp.added} of ${imp.items} pages added, ${imp.failed} failed); the same ${imp.filesWritten} files with plain writeFile: ${imp.rawWriteItemsPerSec} items/s, with the archive's atomic writes: ${imp.atomicWriteItemsPerSec} items/s`);
    lines.push(`import CPU per item (ms, whole process): user ${imp.cpuPerItemMs.user}, system ${imp.cpuPerItemMs.system}; plain writes of its files: user ${imp.rawWriteCpuPerItemMs.user}, system ${imp.rawWriteCpuPerItemMs.system}`);
  }
  if (result.agreement) {
    const ag = result.agreement;
    lines.push(`agreement with MiniSearch under the app's matching rules (${ag.items} items): same hits ${ag.sameHits}, top-10 overlap ${ag.top10Overlap}`);
    lines.push(`  by kind: ${JSON.stringify(ag.byKind)}`);
    for (const row of ag.differing) lines.push(`  differs: ${JSON.stringify(row.query)} app ${row.app} vs reference ${row.reference}`);
  }
  return lines.join('\n');
}

// Keys in the order the issue lists them, then the rest (JSON keeps insertion order).
function withKeysFirst<T extends object>(value: T | null, keys: (keyof T)[]): T | null {
  if (value === null) return null;
  const ordered = {} as T;
  for (const key of keys) ordered[key] = value[key];
  return Object.assign(ordered, value);
}

/** The run as one JSON line: the fields the issue names first in each object, then the rest. */
export function formatJson(result: BenchResult): string {
  const ordered = {
    items: result.items,
    queries: result.queries,
    raw: withKeysFirst(result.raw, ['buildMs', 'loadMs', 'heapMB', 'p50Ms', 'p95Ms']),
    app: withKeysFirst(result.app, ['buildMs', 'loadMs', 'heapMB', 'p50Ms', 'p95Ms', 'p99Ms', 'facetMs']),
    import: withKeysFirst(result.import, ['itemsPerSec', 'rawWriteItemsPerSec']),
    agreement: withKeysFirst(result.agreement, ['sameHits', 'top10Overlap']),
    seed: result.seed,
    date: result.date,
    machine: result.machine,
    ratios: result.ratios,
  };
  return `${JSON.stringify(ordered)}\n`;
}
