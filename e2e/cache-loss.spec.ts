// Issue 5: the Dexie mirror is only a cache of main. Deleted, it is rebuilt from main with nothing
// lost. When IndexedDB cannot be opened at all, see cache-failure.spec.ts.
import type { Page } from 'playwright/test';
import type { RunningApp } from './app-process';
import { listItemFiles, readItemByTitle } from './archive-files';
import { expect, openApp, readResultCount, test } from './fixtures';
import { openResult, reader, readerTitle, search } from './ui';

const NOTE = 'E2E note: written before the cache was lost.';
const DB_NAME = 'annals-mirror';

/** The names of the origin's IndexedDB databases. */
async function listDatabases(page: Page): Promise<string[]> {
  return page.evaluate(async () => (await indexedDB.databases()).map((db) => db.name ?? ''));
}

/**
 * Leaves the app for a page of the same origin that runs none of its code (so nothing holds the
 * database open), deletes the mirror there, and comes back.
 */
async function deleteMirrorAndReturn(page: Page, app: RunningApp): Promise<void> {
  await page.goto(`${app.origin}/no-app-here-${Date.now()}.txt`);
  const outcome = await page.evaluate(
    (name) =>
      new Promise<string>((resolve) => {
        const request = indexedDB.deleteDatabase(name);
        request.onsuccess = () => resolve('deleted');
        request.onerror = () => resolve(`error: ${request.error?.message}`);
        request.onblocked = () => resolve('blocked');
      }),
    DB_NAME,
  );
  expect(outcome).toBe('deleted');
  expect(await listDatabases(page)).not.toContain(DB_NAME);
  await page.goto(`${app.origin}/`);
}

test('rebuilds the deleted mirror from main: the item count and a curator note are intact', async ({ page, app }) => {
  await openApp(page, app);
  const total = await readResultCount(page);
  expect(total).toBe((await listItemFiles(app.archiveDir)).length);
  expect(await listDatabases(page)).toContain(DB_NAME);

  await search(page, 'Armenia');
  await openResult(page, 0);
  const title = await readerTitle(page);
  const note = reader(page).getByRole('textbox', { name: 'Note' });
  await note.fill(NOTE);
  await note.press('Tab');
  await expect.poll(async () => (await readItemByTitle(app.archiveDir, title)).note).toBe(NOTE);

  await deleteMirrorAndReturn(page, app);
  await expect(page.getByText(`${total} results`, { exact: true })).toBeVisible({ timeout: 30_000 });
  expect(await listDatabases(page)).toContain(DB_NAME);
  await search(page, 'Armenia');
  await openResult(page, 0);
  expect(await readerTitle(page)).toBe(title);
  await expect(reader(page).getByRole('textbox', { name: 'Note' })).toHaveValue(NOTE);
});
