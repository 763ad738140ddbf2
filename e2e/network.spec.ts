// The app is offline: nothing it loads or calls may leave 127.0.0.1. Every test of the suite is
// guarded (fixtures.ts); these check the guard itself and a start-up on its own.
import { test as plainTest } from 'playwright/test';
import { expect, openApp, test } from './fixtures';
import { guardContext } from './network-guard';

test('starts, searches and opens an item without a request leaving 127.0.0.1', async ({ page, app, guard }) => {
  await openApp(page, app);
  await page.getByRole('searchbox', { name: 'Search archive' }).fill('CSTO');
  const results = page.getByRole('list', { name: 'Results' });
  await expect(results.getByRole('listitem').first()).toBeVisible();
  await results.getByRole('listitem').first().getByRole('button').first().click();
  await expect(page.getByRole('region', { name: 'Item' }).getByRole('heading', { level: 2 })).toBeVisible();
  expect(guard.outside).toEqual([]);
});

// Without the suite's fixtures: this context is meant to see an outside request.
plainTest('the guard records and stops a request to another host', async ({ browser }) => {
  const context = await browser.newContext();
  try {
    const report = await guardContext(context);
    const page = await context.newPage();
    const outcome = await page.goto('http://example.com/').then(
      () => 'reached',
      () => 'stopped',
    );
    expect(outcome).toBe('stopped');
    expect(report.outside).toEqual(['http://example.com/']);
  } finally {
    await context.close();
  }
});
