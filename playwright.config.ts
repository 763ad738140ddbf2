// End-to-end tests: the real app in browser mode (main/web) driven in Debian's Chromium.
// Playwright cannot download its own browsers on these machines, so the system one is launched with
// flags that stop it from calling Google's services (STACK.md); see docs/testing.md.
import { defineConfig } from 'playwright/test';

const CHROMIUM = process.env.ANNALS_CHROMIUM ?? '/usr/bin/chromium';

export default defineConfig({
  testDir: 'e2e',
  globalSetup: './e2e/global-setup.ts',
  // Each spec starts its own server on its own archive; one worker keeps a 2-core machine calm.
  workers: 1,
  fullyParallel: false,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  timeout: 90_000,
  globalTimeout: 10 * 60_000,
  expect: { timeout: 10_000 },
  // Playwright empties its output folder at start: keep it apart from every other report.
  outputDir: '.annals-tmp/playwright-output',
  reporter: [['list'], ['json', { outputFile: '.annals-tmp/reports/playwright.json' }]],
  use: {
    browserName: 'chromium',
    viewport: { width: 1280, height: 800 },
    colorScheme: 'light',
    locale: 'en-US',
    timezoneId: 'UTC',
    acceptDownloads: true,
    actionTimeout: 15_000,
    navigationTimeout: 30_000,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: CHROMIUM,
      args: [
        '--no-sandbox',
        '--headless',
        '--disable-gpu',
        '--disable-dev-shm-usage',
        '--disable-quic',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    },
  },
});
