// Scrolling the virtualized result list of a broad query with mouse-wheel steps, as a person reading
// down the list: frame times (requestAnimationFrame deltas), long tasks and the pages fetched on the way.
import type { Page } from 'playwright';
import { resultRows } from '../../e2e/ui';
import { longTasksBetween, readProbe, showQuery } from './probe-state';
import { type FrameSummary, type LatencySummary, type LongTaskSummary, summarizeFrames, summarizeLatencies, summarizeLongTasks } from './stats';

const STEP_PX = 240;
const STEP_INTERVAL_MS = 40;
export const SCROLL_QUERY = 'CSTO';

export interface ScrollFigures {
  query: string;
  total: number;
  steps: number;
  /** Rows scrolled past (the last row in the DOM when the scrolling stopped). */
  rowsReached: number;
  frames: FrameSummary;
  longTasks: LongTaskSummary;
  /** Searches for more hits as the list neared its end (the worker's time each). */
  pageFetches: LatencySummary;
}

function pause(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Scrolls the results of SCROLL_QUERY down `steps` wheel steps. */
export async function measureScrolling(page: Page, steps: number): Promise<ScrollFigures> {
  const total = await showQuery(page, SCROLL_QUERY, 60_000);
  const first = await resultRows(page).first().boundingBox();
  if (!first) throw new Error('the result list shows no row to scroll');
  await page.mouse.move(first.x + first.width / 2, first.y + first.height / 2);
  const startedAt = (await readProbe(page)).now;
  await page.evaluate('window.__bench.startFrames()');
  for (let i = 0; i < steps; i++) {
    await page.mouse.wheel(0, STEP_PX);
    await pause(STEP_INTERVAL_MS);
  }
  const frames = (await page.evaluate('window.__bench.stopFrames()')) as number[];
  const state = await readProbe(page);
  const rowsReached = (await page.evaluate(
    `Math.max(0, ...Array.from(document.querySelectorAll('ul[aria-label="Results"] li[aria-posinset]'), (li) => Number(li.getAttribute('aria-posinset'))))`,
  )) as number;
  const fetches = state.requests.filter((r) => r.type === 'search' && r.sentAt >= startedAt && r.repliedAt !== null);
  return {
    query: SCROLL_QUERY,
    total,
    steps,
    rowsReached,
    frames: summarizeFrames(frames),
    longTasks: summarizeLongTasks(longTasksBetween(state, startedAt, state.now)),
    pageFetches: summarizeLatencies(fetches.map((r) => (r.repliedAt ?? 0) - r.sentAt)),
  };
}
