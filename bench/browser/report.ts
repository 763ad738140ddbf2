// The browser benchmark's result, its targets (issue 4) and its readable table.
import type { PlacedTask } from './probe-state';
import type { ProfileSummaries } from './profiling';
import { formatAttribution } from './task-attribution';
import { formatTracedTask } from './trace-summary';
import type { ScrollFigures } from './scrolling';
import type { ColdFigures, WarmFigures } from './start-runs';
import type { TypingFigures } from './typing';

export interface HeapFigures {
  /** The page's JS heap (CDP Runtime.getHeapUsage) after the warm start. */
  pageHeapUsedMB: number;
  pageHeapTotalMB: number;
  /** Every Chromium process of the profile together (the worker's heap lives in the renderer's). */
  browserRssMB: number;
  browserProcesses: number;
}

export interface TargetCheck {
  name: string;
  value: number;
  limit: number;
  isMet: boolean;
}

export interface BrowserBenchResult {
  items: number;
  seed: number;
  date: string;
  machine: { cpus: number; loadAverageStart: number[]; loadAverageEnd: number[]; browser: string };
  archive: { isNew: boolean; writeMs: number };
  cold: ColdFigures;
  warm: WarmFigures;
  heap: HeapFigures;
  typing: TypingFigures;
  scrolling: ScrollFigures;
  targets: TargetCheck[];
  /** With --profile: the page's hottest functions while typing and during a reload. */
  profiles?: ProfileSummaries;
}

/** The three targets, checked against the figures. */
export function checkTargets(warm: WarmFigures, typing: TypingFigures): TargetCheck[] {
  const check = (name: string, value: number, limit: number): TargetCheck => ({ name, value, limit, isMet: value <= limit });
  return [
    check('first results after start, saved index (ms, from navigation)', Math.round(warm.navigationToFirstResultsMs), 1500),
    check('keystroke to results p95 (ms)', typing.keyToResults.p95Ms, 50),
    check('long tasks > 100 ms while typing', typing.longTasks.over100, 0),
  ];
}

function ms(value: number | null): string {
  if (value === null || !Number.isFinite(value)) return '–';
  return value >= 10_000 ? `${(value / 1000).toFixed(1)} s` : `${Math.round(value)} ms`;
}

function row(label: string, value: string): string {
  return `  ${label.padEnd(52)} ${value}`;
}

function formatTasks(tasks: readonly PlacedTask[] | undefined): string {
  return (tasks ?? []).map((t) => `${ms(t.startMs)}: ${ms(t.durationMs)} ${t.phase}`).join('; ') || '–';
}

function formatStart(result: BrowserBenchResult): string[] {
  const { cold, warm } = result;
  const p = warm.phases;
  return [
    'Run 1, cold (fresh profile: sync every item, build and save the index)',
    row('server ready (spawn → address)', ms(cold.serverReadyMs)),
    row('navigation → first results', ms(cold.firstResultsMs)),
    row('  worker: index build / serialise', `${ms(cold.rebuildMs)} / ${ms(cold.serializeMs)}`),
    row('  long tasks >50 / >100 ms, max', `${cold.longTasks.over50} / ${cold.longTasks.over100}, ${ms(cold.longTasks.maxMs)}`),
    row('  longest tasks (start: duration, phase)', formatTasks(cold.longestTasks)),
    row('first query after start ("CSTO", fill → count)', ms(cold.firstQueryMs)),
    'Run 2, warm (same profile, server and browser restarted, saved index)',
    row('server ready (spawn → address)', ms(warm.serverReadyMs)),
    row('browser launch', ms(warm.browserLaunchMs)),
    row('server spawn → first results', ms(warm.processToFirstResultsMs)),
    row('navigation → first results', ms(warm.navigationToFirstResultsMs)),
    ...(p.isReadInWorker
      ? [
          row('  saved index: worker asked to read it', `at ${ms(p.indexReadMs)}`),
          row('  worker: read + load the index / first search / render', `${ms(p.workerLoadMs)} / ${ms(p.firstSearchMs)} / ${ms(p.renderMs)}`),
        ]
      : [
          row(`  saved index read from IndexedDB (${p.indexMB ?? '?'} MB)`, `until ${ms(p.indexReadMs)}`),
          row('  worker: load the index / first search / render', `${ms(p.workerLoadMs)} / ${ms(p.firstSearchMs)} / ${ms(p.renderMs)}`),
        ]),
    row('navigation → sync with main done', ms(warm.syncIdleMs)),
    row('  long tasks until results: >50 / >100 ms, max', `${warm.longTasksUntilResults.over50} / ${warm.longTasksUntilResults.over100}, ${ms(warm.longTasksUntilResults.maxMs)}`),
    row('  long tasks until synced: >50 / >100 ms, max', `${warm.longTasksUntilIdle.over50} / ${warm.longTasksUntilIdle.over100}, ${ms(warm.longTasksUntilIdle.maxMs)}`),
    row('  longest tasks (start: duration, phase)', formatTasks(warm.longestTasks)),
    row('page JS heap used / total', `${result.heap.pageHeapUsedMB} / ${result.heap.pageHeapTotalMB} MB`),
    row(`browser RSS (${result.heap.browserProcesses} processes)`, `${result.heap.browserRssMB} MB`),
  ];
}

function formatInteraction(result: BrowserBenchResult): string[] {
  const { typing, scrolling } = result;
  const k = typing.keyToResults;
  return [
    `Typing (${typing.queries} queries, ${typing.keystrokes} keystrokes)`,
    row('keystroke → results p50 / p95 / max', `${ms(k.p50Ms)} / ${ms(k.p95Ms)} / ${ms(k.maxMs)}`),
    row('  p95 by kind', Object.entries(typing.p95ByKindMs).map(([kind, v]) => `${kind} ${ms(v)}`).join(', ')),
    row('  slowest', typing.slowest.map((s) => `${JSON.stringify(s.query)} ${ms(s.ms)}`).join(', ')),
    row('worker search p50 / p95 / max', `${ms(typing.workerSearch.p50Ms)} / ${ms(typing.workerSearch.p95Ms)} / ${ms(typing.workerSearch.maxMs)}`),
    ...(typing.outsideWorker
      ? [row('keystroke → results minus worker, p50 / p95 / max', `${ms(typing.outsideWorker.p50Ms)} / ${ms(typing.outsideWorker.p95Ms)} / ${ms(typing.outsideWorker.maxMs)}`)]
      : []),
    row('long tasks >50 / >100 ms, max', `${typing.longTasks.over50} / ${typing.longTasks.over100}, ${ms(typing.longTasks.maxMs)}`),
    `Scrolling "${scrolling.query}" (${scrolling.total} results, ${scrolling.steps} wheel steps, to row ${scrolling.rowsReached})`,
    row('frame time p50 / p95 / max', `${ms(scrolling.frames.p50Ms)} / ${ms(scrolling.frames.p95Ms)} / ${ms(scrolling.frames.maxMs)}`),
    row('frames > 33 ms', `${scrolling.frames.over33} of ${scrolling.frames.frames}`),
    row('long tasks >50 / >100 ms, max', `${scrolling.longTasks.over50} / ${scrolling.longTasks.over100}, ${ms(scrolling.longTasks.maxMs)}`),
    row('next-page searches: count, p95', `${scrolling.pageFetches.count}, ${ms(scrolling.pageFetches.p95Ms)}`),
  ];
}

function formatProfiles(profiles: ProfileSummaries | undefined): string[] {
  if (!profiles) return [];
  const list = (title: string, hot: ProfileSummaries['typing']) =>
    hot ? ['', title, ...hot.map((h) => row(h.name.slice(0, 90), ms(h.selfMs)))] : [];
  const tasks = (title: string, attributed: ProfileSummaries['typingTasks']) =>
    attributed?.length ? ['', title, ...attributed.map((t) => `  ${formatAttribution(t)}`)] : [];
  return [
    ...list('Page main thread while typing: self time', profiles.typing),
    ...tasks('Long tasks while typing, from the profile', profiles.typingTasks),
    ...(profiles.typingTrace?.length
      ? ['', 'Main-thread tasks ≥ 50 ms during the typing session, from the trace (self time by event)', ...profiles.typingTrace.map((t) => `  ${formatTracedTask(t)}`)]
      : []),
    ...list('Page main thread during a reload: self time', profiles.reload),
    ...tasks('Long tasks of the reload until synced, from the profile', profiles.reloadTasks),
  ];
}

/** The readable report. */
export function formatBrowserReport(result: BrowserBenchResult): string {
  const targets = result.targets.map((t) => row(t.name, `${t.value} (target ≤ ${t.limit}) ${t.isMet ? 'met' : 'MISSED'}`));
  const load = (l: number[]) => l.map((v) => v.toFixed(2)).join(' ');
  return [
    `Browser benchmark: ${result.items} items, seed ${result.seed}, ${result.date}`,
    `${result.machine.cpus} cores, load average ${load(result.machine.loadAverageStart)} at start, ${load(result.machine.loadAverageEnd)} at end; ${result.machine.browser}`,
    '',
    ...formatStart(result),
    '',
    ...formatInteraction(result),
    '',
    'Targets (issue 4)',
    ...targets,
    ...formatProfiles(result.profiles),
    '',
  ].join('\n');
}
