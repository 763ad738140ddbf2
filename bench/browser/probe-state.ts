// What bench/browser/page-probe.js recorded in the page, read from Node (all times: the page's clock).
import type { Page } from 'playwright';
import { readResultCount } from '../../e2e/fixtures';
import { searchBox } from '../../e2e/ui';

export interface ProbeRequest {
  id: number;
  type: 'version' | 'load' | 'load-saved' | 'rebuild' | 'apply' | 'serialize' | 'search';
  sentAt: number;
  repliedAt: number | null;
  query?: string;
  limit?: number;
  total?: number;
  firstId?: string | null;
  hitCount?: number;
  /** load: size of the saved index handed to the worker. */
  bytes?: number;
  /** rebuild: documents handed to the worker. */
  docs?: number;
}

export interface ProbeKey {
  query: string;
  keyAt: number;
  inputAt: number;
  shownAt: number | null;
  isMeasured: boolean;
}

export interface ProbeState {
  longTasks: { start: number; duration: number }[];
  requests: ProbeRequest[];
  keys: ProbeKey[];
  commits: number;
  firstResultsAt: number | null;
  syncStates: { isBusy: boolean; at: number }[];
  /** performance.timeOrigin of the page: epoch milliseconds of its navigation start. */
  timeOrigin: number;
  now: number;
}

interface LiveProbe extends Omit<ProbeState, 'timeOrigin' | 'now'> {
  isBusy: boolean | null;
  isMeasuring: boolean;
}

// Predicates run in the page as functions (only their own text is sent): the app's CSP forbids
// evaluating strings ('unsafe-eval'), which waitForFunction would do with a string predicate.
type ProbedWindow = Window & { __bench?: LiveProbe };

/** Waits until every keystroke typed so far shows its results. */
export async function waitForKeysShown(page: Page, timeoutMs: number): Promise<void> {
  await page.waitForFunction(() => (window as ProbedWindow).__bench?.keys.every((k) => k.shownAt !== null) === true, null, { timeout: timeoutMs, polling: 50 });
}

/** Reads the probe's records (a copy). */
export function readProbe(page: Page): Promise<ProbeState> {
  return page.evaluate(`({
    longTasks: window.__bench.longTasks,
    requests: window.__bench.requests.map(({ ids, ...request }) => request),
    keys: window.__bench.keys,
    commits: window.__bench.commits,
    firstResultsAt: window.__bench.firstResultsAt,
    syncStates: window.__bench.syncStates,
    timeOrigin: performance.timeOrigin,
    now: performance.now(),
  })`) as Promise<ProbeState>;
}

/** Waits until the results show a count and (unless empty) a first row. */
export async function waitForFirstResults(page: Page, timeoutMs: number): Promise<void> {
  await page.waitForFunction(() => (window as ProbedWindow).__bench?.firstResultsAt != null, null, { timeout: timeoutMs, polling: 100 });
}

/** Waits until the toolbar no longer says Loading… or Syncing… (after having said it). */
export async function waitForSyncIdle(page: Page, timeoutMs: number): Promise<void> {
  await page.waitForFunction(
    () => {
      const probe = (window as ProbedWindow).__bench;
      return probe?.isBusy === false && probe.syncStates.some((state) => state.isBusy);
    },
    null,
    { timeout: timeoutMs, polling: 100 },
  );
}

/** Long tasks that started within [from, to). */
export function longTasksBetween(state: ProbeState, from: number, to: number): number[] {
  return state.longTasks.filter((t) => t.start >= from && t.start < to).map((t) => t.duration);
}

/** The first worker request of a type sent at or after `from`. */
export function findRequest(state: ProbeState, type: ProbeRequest['type'], from = 0): ProbeRequest | undefined {
  return state.requests.find((r) => r.type === type && r.sentAt >= from);
}

/**
 * Replaces the search box's text at once (as a paste would) and waits until the results show that
 * query's reply — not merely some count, which may still be the previous query's.
 */
export async function showQuery(page: Page, text: string, timeoutMs: number): Promise<number> {
  await searchBox(page).fill(text);
  await waitForKeysShown(page, timeoutMs);
  return readResultCount(page);
}

export interface PlacedTask {
  startMs: number;
  durationMs: number;
  /** Where it fell among the worker requests: "before rebuild sent", "during search", "after serialize replied"… */
  phase: string;
}

/** The longest tasks, each placed among the worker requests around it (which phase of the start it blocked). */
export function placeLongestTasks(state: Pick<ProbeState, 'longTasks' | 'requests'>, count = 3): PlacedTask[] {
  const requests = state.requests.filter((r) => r.type !== 'version');
  return [...state.longTasks]
    .sort((a, b) => b.duration - a.duration)
    .slice(0, count)
    .map((task) => {
      const during = requests.find((r) => r.sentAt <= task.start && (r.repliedAt ?? Infinity) > task.start);
      const next = requests.find((r) => r.sentAt > task.start);
      const previous = [...requests].reverse().find((r) => (r.repliedAt ?? Infinity) <= task.start);
      const phase = during ? `during ${during.type}` : next ? `before ${next.type} sent` : previous ? `after ${previous.type} replied` : 'no worker request yet';
      return { startMs: Math.round(task.start), durationMs: Math.round(task.duration), phase };
    });
}

/** Keystroke → results minus the worker span of the last search reply received before the results showed. */
export function measureOutsideWorker(keys: readonly ProbeKey[], requests: readonly ProbeRequest[]): number[] {
  const replies = requests.filter((r) => r.type === 'search' && r.repliedAt !== null);
  return keys.flatMap((key) => {
    if (key.shownAt === null) return [];
    const shownAt = key.shownAt;
    const reply = replies.filter((r) => r.sentAt >= key.keyAt && (r.repliedAt ?? Infinity) <= shownAt).at(-1);
    return reply ? [shownAt - key.keyAt - ((reply.repliedAt ?? 0) - reply.sentAt)] : [];
  });
}
