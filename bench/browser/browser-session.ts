// One browser session of the benchmark: Debian's Chromium launched as the end-to-end tests launch it
// (playwright.config.ts), on a persistent profile, guarded like the specs, with the page probe installed.
import { fileURLToPath } from 'node:url';
import { type BrowserContext, type Page, chromium } from 'playwright';
import config from '../../playwright.config';
import { type GuardReport, guardContext } from '../../e2e/network-guard';

const PROBE_FILE = fileURLToPath(new URL('./page-probe.js', import.meta.url));

export interface BrowserSession {
  context: BrowserContext;
  page: Page;
  guard: GuardReport;
  /** performance.now() in this process when Chromium was asked to start and when it had. */
  launchStartedAt: number;
  launchedAt: number;
  close(): Promise<void>;
}

/** Starts Chromium on `userDataDir` (created when missing) with the probe in every page. */
export async function openBrowserSession(userDataDir: string): Promise<BrowserSession> {
  const use = config.use ?? {};
  const launchStartedAt = performance.now();
  const context = await chromium.launchPersistentContext(userDataDir, {
    ...use.launchOptions,
    viewport: use.viewport ?? null,
    colorScheme: use.colorScheme ?? 'light',
    locale: use.locale,
    timezoneId: use.timezoneId,
  });
  const launchedAt = performance.now();
  try {
    await context.addInitScript({ path: PROBE_FILE });
    const guard = await guardContext(context);
    const page = context.pages()[0] ?? (await context.newPage());
    return { context, page, guard, launchStartedAt, launchedAt, close: () => context.close() };
  } catch (error) {
    await context.close();
    throw error;
  }
}

/** Throws when the page called outside 127.0.0.1 or threw an uncaught error. */
export function assertCleanGuard(guard: GuardReport): void {
  if (guard.outside.length || guard.pageErrors.length) {
    throw new Error(`the page misbehaved: requests outside 127.0.0.1: ${guard.outside.join(', ') || 'none'}; errors: ${guard.pageErrors.join('; ') || 'none'}`);
  }
}
