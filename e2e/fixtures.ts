// The specs' `test`: every test gets its own server on its own temporary archive, a browser context
// whose requests may not leave 127.0.0.1, and fails on any uncaught error in the page.
import { test as base, expect } from 'playwright/test';
import type { Page } from 'playwright/test';
import { type ArchiveKind, type RunningApp, startApp } from './app-process';
import { type GuardReport, guardContext } from './network-guard';

export { expect };
export type { RunningApp };

interface Fixtures {
  /** Which archive the test's server opens (test.use({ archiveKind: 'empty' })). */
  archiveKind: ArchiveKind;
  app: RunningApp;
  guard: GuardReport;
}

/** Fails the current test when the guard saw a request leave 127.0.0.1 or an uncaught page error. */
export function expectCleanGuard(report: GuardReport): void {
  expect(report.outside, 'requests that left 127.0.0.1').toEqual([]);
  expect(report.pageErrors, 'uncaught errors in the page').toEqual([]);
}

export const test = base.extend<Fixtures>({
  archiveKind: ['sample', { option: true }],
  app: async ({ archiveKind }, use, testInfo) => {
    const app = await startApp(archiveKind);
    try {
      await use(app);
    } finally {
      if (testInfo.status !== testInfo.expectedStatus && app.log.length) {
        await testInfo.attach('server-stderr', { body: app.log.join(''), contentType: 'text/plain' });
      }
      await app.stop();
    }
  },
  // The browser goes before its server: an open event stream would hold the server's shutdown.
  context: async ({ context, app }, use) => {
    void app;
    await use(context);
  },
  guard: [
    async ({ context }, use) => {
      const report = await guardContext(context);
      await use(report);
      expectCleanGuard(report);
    },
    { auto: true },
  ],
});

/** Opens the app (the sign-in address) and waits until the first search result count is shown. */
export async function openApp(page: Page, app: RunningApp): Promise<void> {
  await page.goto(app.signInUrl);
  // The sign-in address drops its token with a redirect: the bar must not keep it.
  await expect(page).toHaveURL(new RegExp(`^${escapeRegExp(app.origin)}/(\\?)?$`));
  await expect(page.getByRole('searchbox', { name: 'Search archive' })).toBeVisible();
  await expect(resultCount(page)).toHaveText(/^\d+ results?$/, { timeout: 30_000 });
}

/** The live result count under the search box ("12 results"); the toolbar's sync status may also read "Loading…". */
export function resultCount(page: Page) {
  return page.getByRole('main').getByText(/^(\d+ results?|Loading…)$/);
}

/** Reads the number out of the result count once it has settled to a number. */
export async function readResultCount(page: Page): Promise<number> {
  const text = await resultCount(page).textContent();
  const match = /^(\d+) results?$/.exec(text ?? '');
  if (!match?.[1]) throw new Error(`no result count shown (saw "${text}")`);
  return Number(match[1]);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
