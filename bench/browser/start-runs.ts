// Run 1 (cold: an empty profile syncs the whole archive and builds the index) and run 2 (warm: the
// same profile, a restarted server and browser, the saved index).
import type { Page } from 'playwright';
import { type BrowserSession, openBrowserSession } from './browser-session';
import { findRequest, longTasksBetween, placeLongestTasks, readProbe, showQuery, waitForFirstResults, waitForSyncIdle } from './probe-state';
import type { PlacedTask, ProbeRequest, ProbeState } from './probe-state';
import { type LongTaskSummary, summarizeLongTasks } from './stats';
import { type BenchServer, startBenchServer } from './web-server';

const COLD_TIMEOUT_MS = 30 * 60_000;
const WARM_TIMEOUT_MS = 5 * 60_000;

export interface ColdFigures {
  serverReadyMs: number;
  /** Navigation start → the first results shown (sync of every item, index build and save). */
  firstResultsMs: number;
  /** Worker time to build the index from the mirror's docs. */
  rebuildMs: number | null;
  /** Worker time to serialise the built index for saving. */
  serializeMs: number | null;
  /** Size of the saved index (known from the warm run's load). */
  longTasks: LongTaskSummary;
  /** The longest main-thread tasks and the phase each blocked. */
  longestTasks: PlacedTask[];
  /** A first query after the cold start, typed at once (fill) until its count shows. */
  firstQueryMs: number;
}

export interface WarmFigures {
  serverReadyMs: number;
  browserLaunchMs: number;
  /** Server spawned → first results shown (server start, browser start, page load, index load, search, render). */
  processToFirstResultsMs: number;
  /** Navigation start → first results shown: what the 1.5 s target is about. */
  navigationToFirstResultsMs: number;
  phases: WarmPhases;
  /** Navigation start → the mirror's check with main is done (toolbar idle). */
  syncIdleMs: number;
  longTasksUntilResults: LongTaskSummary;
  longTasksUntilIdle: LongTaskSummary;
  longestTasks: PlacedTask[];
}

/** Where the warm start's time goes, from the probe's view of the worker (page clock, from navigation start). */
export interface WarmPhases {
  /**
   * Navigation → the saved index is read from IndexedDB and posted to the worker; or, when the
   * worker reads it itself (`isReadInWorker`), navigation → the worker is asked to.
   */
  indexReadMs: number | null;
  /** Size of the saved index (unknown to the page when the worker reads it). */
  indexMB: number | null;
  /** True when the worker read the saved index from IndexedDB itself ('load-saved'). */
  isReadInWorker: boolean;
  /** Worker: load of the saved index (and its read from IndexedDB, when `isReadInWorker`). */
  workerLoadMs: number | null;
  /** Worker: the first search (the empty query: every item, facets and histogram). */
  firstSearchMs: number | null;
  /** Reply of that search → results on screen; null when the start preview was on screen first. */
  renderMs: number | null;
}

export interface RunContext {
  archiveDir: string;
  port: number;
  profileDir: string;
  items: number;
  log: (line: string) => void;
}

export interface OpenRun {
  server: BenchServer;
  session: BrowserSession;
  page: Page;
}

function span(from: ProbeRequest | undefined): number | null {
  return from && from.repliedAt !== null ? from.repliedAt - from.sentAt : null;
}

async function openRun(context: RunContext): Promise<OpenRun> {
  const server = await startBenchServer(context.archiveDir, context.port);
  try {
    const session = await openBrowserSession(context.profileDir);
    return { server, session, page: session.page };
  } catch (error) {
    await server.stop();
    throw error;
  }
}

/** Closes the browser before its server (an open event stream would hold the server's shutdown). */
export async function closeRun(run: OpenRun): Promise<void> {
  await run.session.close().catch(() => undefined);
  await run.server.stop();
}

// The stored search text (uiState 'view' in the mirror's IndexedDB), null when none is stored.
const READ_SAVED_TEXT = `new Promise((resolve) => {
  const request = indexedDB.open('annals-mirror');
  request.onerror = () => resolve(null);
  request.onsuccess = () => {
    const db = request.result;
    try {
      const get = db.transaction('uiState').objectStore('uiState').get('view');
      get.onsuccess = () => { db.close(); resolve(get.result && get.result.value ? get.result.value.text : null); };
      get.onerror = () => { db.close(); resolve(null); };
    } catch { db.close(); resolve(null); }
  };
})`;

/** The app saves the last search half a second after it changes: a restart must not start on "CSTO". */
export async function waitForEmptySavedView(page: Page): Promise<void> {
  const deadline = performance.now() + 30_000;
  while (performance.now() < deadline) {
    const text = (await page.evaluate(READ_SAVED_TEXT)) as string | null;
    if (!text) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('the app did not save the emptied search box within 30 s');
}

/** Run 1: a fresh profile. Leaves the saved index in the profile for run 2. */
export async function runCold(context: RunContext): Promise<ColdFigures> {
  const run = await openRun(context);
  try {
    const { page, server } = run;
    await page.goto(server.signInUrl);
    context.log('cold: page open, waiting for the mirror to sync and the index to build');
    await waitForFirstResults(page, COLD_TIMEOUT_MS);
    await waitForSyncIdle(page, COLD_TIMEOUT_MS);
    const state = await readProbe(page);
    const started = performance.now();
    await showQuery(page, 'CSTO', COLD_TIMEOUT_MS);
    const firstQueryMs = performance.now() - started;
    // Leave the box empty: the saved view restores the last query at the next start.
    await showQuery(page, '', COLD_TIMEOUT_MS);
    await waitForEmptySavedView(page);
    return {
      serverReadyMs: server.readyAt - server.spawnedAt,
      firstResultsMs: state.firstResultsAt ?? Number.NaN,
      rebuildMs: span(findRequest(state, 'rebuild')),
      serializeMs: span(findRequest(state, 'serialize')),
      longTasks: summarizeLongTasks(state.longTasks.map((t) => t.duration)),
      longestTasks: placeLongestTasks(state),
      firstQueryMs,
    };
  } finally {
    await closeRun(run);
  }
}

function readWarmPhases(state: ProbeState): WarmPhases {
  const load = findRequest(state, 'load') ?? findRequest(state, 'load-saved');
  const firstSearch = load ? findRequest(state, 'search', load.sentAt) : undefined;
  return {
    indexReadMs: load ? load.sentAt : null,
    indexMB: load?.bytes === undefined ? null : Math.round(load.bytes / 1e5) / 10,
    isReadInWorker: load?.type === 'load-saved',
    workerLoadMs: span(load),
    firstSearchMs: span(firstSearch),
    // Null when the first results on screen were the start preview, shown before the index answered.
    renderMs:
      firstSearch?.repliedAt != null && state.firstResultsAt !== null && state.firstResultsAt >= firstSearch.repliedAt
        ? state.firstResultsAt - firstSearch.repliedAt
        : null,
  };
}

/** Run 2: the same profile after a restart. Answers the figures and the open run (the caller closes it). */
export async function runWarm(context: RunContext): Promise<{ figures: WarmFigures; run: OpenRun }> {
  const run = await openRun(context);
  try {
    const { page, server, session } = run;
    await page.goto(server.signInUrl);
    await waitForFirstResults(page, WARM_TIMEOUT_MS);
    await waitForSyncIdle(page, WARM_TIMEOUT_MS);
    const state = await readProbe(page);
    if (!findRequest(state, 'load') && !findRequest(state, 'load-saved')) context.log('warm: WARNING the page found no saved index (no load request to the worker)');
    const firstResultsAt = state.firstResultsAt ?? Number.NaN;
    const idleAt = state.syncStates.at(-1)?.at ?? Number.NaN;
    const spawnedAtEpoch = performance.timeOrigin + server.spawnedAt;
    const figures: WarmFigures = {
      serverReadyMs: server.readyAt - server.spawnedAt,
      browserLaunchMs: session.launchedAt - session.launchStartedAt,
      processToFirstResultsMs: state.timeOrigin + firstResultsAt - spawnedAtEpoch,
      navigationToFirstResultsMs: firstResultsAt,
      phases: readWarmPhases(state),
      syncIdleMs: idleAt,
      longTasksUntilResults: summarizeLongTasks(longTasksBetween(state, 0, firstResultsAt)),
      longTasksUntilIdle: summarizeLongTasks(longTasksBetween(state, 0, idleAt)),
      longestTasks: placeLongestTasks({ ...state, longTasks: state.longTasks.filter((t) => t.start < idleAt) }),
    };
    return { figures, run };
  } catch (error) {
    await closeRun(run);
    throw error;
  }
}
