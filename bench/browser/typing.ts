// Keystroke to results: realistic queries typed one character at a time at a human pace; each key is
// timed from its event to the first results that reflect it (or a later key) — see page-probe.js.
import type { Page } from 'playwright';
import type { BenchQuery } from '../queries';
import { searchBox } from '../../e2e/ui';
import { type ProbeKey, measureOutsideWorker, readProbe, showQuery, waitForKeysShown } from './probe-state';
import { type LatencySummary, type LongTaskSummary, summarizeLatencies, summarizeLongTasks } from './stats';

const SETTLE_TIMEOUT_MS = 60_000;

export interface TypingFigures {
  queries: number;
  keystrokes: number;
  keyToResults: LatencySummary;
  /** Per query kind (word, prefix, phrase…): p95 of its keystrokes. */
  p95ByKindMs: Record<string, number>;
  /** The slowest keystrokes, with the query as typed so far. */
  slowest: { query: string; ms: number }[];
  longTasks: LongTaskSummary;
  /** The long tasks themselves (page clock), for attributing them to a profile. */
  longTaskList: { start: number; duration: number }[];
  /** Worker time per search request while typing (request sent → reply received, queueing included). */
  workerSearch: LatencySummary;
  /**
   * Per keystroke, keystroke → results minus the worker's time for the reply shown: the page's own
   * share (input handling, sending, receiving, rendering, waiting for the main thread).
   */
  outsideWorker: LatencySummary;
}

function pause(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

// The simulated user: one key every `keyDelayMs`, whatever the page is doing.
async function typeQuery(page: Page, text: string, keyDelayMs: number): Promise<void> {
  await page.evaluate('window.__bench.isMeasuring = true');
  for (const char of text) {
    const started = performance.now();
    await page.keyboard.type(char);
    await pause(Math.max(0, keyDelayMs - (performance.now() - started)));
  }
  await page.evaluate('window.__bench.isMeasuring = false');
  await waitForKeysShown(page, SETTLE_TIMEOUT_MS);
}

// Each query's span, from its first key to the results of its last key: clearing the box between
// queries (an empty query listing everything) is not typing.
function typingWindows(keys: readonly ProbeKey[], queries: readonly BenchQuery[]): [number, number][] {
  const windows: [number, number][] = [];
  let at = 0;
  for (const query of queries) {
    const own = keys.slice(at, at + Array.from(query.text).length);
    at += own.length;
    const first = own[0];
    const last = own.at(-1);
    if (first && last) windows.push([first.keyAt, last.shownAt ?? first.keyAt]);
  }
  return windows;
}

/** Types each query into an empty search box and times every keystroke. */
export async function measureTyping(page: Page, queries: readonly BenchQuery[], keyDelayMs: number, log: (line: string) => void): Promise<TypingFigures> {
  const box = searchBox(page);
  await box.click();
  const kindOfKey: string[] = [];
  const startedAt = (await readProbe(page)).now;
  for (const [n, query] of queries.entries()) {
    await showQuery(page, '', SETTLE_TIMEOUT_MS);
    await typeQuery(page, query.text, keyDelayMs);
    kindOfKey.push(...Array.from(query.text, () => query.kind));
    if ((n + 1) % 10 === 0) log(`typing: ${n + 1}/${queries.length} queries`);
  }
  const state = await readProbe(page);
  const keys = state.keys.filter((k) => k.isMeasured);
  if (keys.length !== kindOfKey.length) log(`typing: WARNING ${keys.length} input events for ${kindOfKey.length} characters typed`);
  const latencies = keys.map((k) => (k.shownAt ?? Number.NaN) - k.keyAt);
  const byKind = new Map<string, number[]>();
  latencies.forEach((ms, i) => byKind.set(kindOfKey[i] ?? '?', [...(byKind.get(kindOfKey[i] ?? '?') ?? []), ms]));
  // The empty query that clears the box between queries is not a keystroke's search.
  const longTaskList = typingWindows(keys, queries).flatMap(([from, to]) => state.longTasks.filter((t) => t.start >= from && t.start < to));
  const searches = state.requests.filter((r) => r.type === 'search' && r.query !== '' && r.sentAt >= startedAt && r.repliedAt !== null);
  return {
    queries: queries.length,
    keystrokes: keys.length,
    keyToResults: summarizeLatencies(latencies),
    p95ByKindMs: Object.fromEntries([...byKind].map(([kind, samples]) => [kind, summarizeLatencies(samples).p95Ms])),
    slowest: keys
      .map((k, i) => ({ query: k.query, ms: Math.round(latencies[i] ?? 0) }))
      .sort((a, b) => b.ms - a.ms)
      .slice(0, 5),
    longTasks: summarizeLongTasks(longTaskList.map((t) => t.duration)),
    longTaskList,
    workerSearch: summarizeLatencies(searches.map((r) => (r.repliedAt ?? 0) - r.sentAt)),
    outsideWorker: summarizeLatencies(measureOutsideWorker(keys, state.requests)),
  };
}
