// Records, and stops, every request the app makes to anything but 127.0.0.1, and every uncaught
// error in its pages. An offline app must never call out, even to a font or an update server.
import type { BrowserContext, Page } from 'playwright/test';

/** Schemes that never leave the browser. */
const LOCAL_SCHEMES = new Set(['data:', 'blob:', 'about:']);

export interface GuardReport {
  /** URLs of requests that would have left 127.0.0.1 (they were aborted). */
  outside: string[];
  /** Uncaught exceptions thrown in the app's pages. */
  pageErrors: string[];
}

/** True when the URL stays on this machine's loopback address (or inside the browser). */
export function isLocalUrl(url: string): boolean {
  const parsed = new URL(url);
  return LOCAL_SCHEMES.has(parsed.protocol) || parsed.hostname === '127.0.0.1';
}

function watchPage(page: Page, report: GuardReport): void {
  page.on('pageerror', (error) => report.pageErrors.push(`${page.url()}: ${error.message}`));
  page.on('websocket', (socket) => {
    if (!isLocalUrl(socket.url())) report.outside.push(socket.url());
  });
}

/** Starts guarding a browser context; the report fills while the context lives. */
export async function guardContext(context: BrowserContext): Promise<GuardReport> {
  const report: GuardReport = { outside: [], pageErrors: [] };
  context.on('request', (request) => {
    if (!isLocalUrl(request.url())) report.outside.push(request.url());
  });
  await context.route('**/*', (route) => (isLocalUrl(route.request().url()) ? route.continue() : route.abort('blockedbyclient')));
  for (const page of context.pages()) watchPage(page, report);
  context.on('page', (page) => watchPage(page, report));
  return report;
}
