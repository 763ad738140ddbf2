// Importing through the UI into an empty archive: the file picker behind Import, progress, the
// summary, and a second import of the same pages that finds only duplicates.
import type { Page } from 'playwright/test';
import { listItemFiles } from './archive-files';
import { expect, openApp, readResultCount, resultCount, test } from './fixtures';
import { dialog, listSeedFiles, readSummaryCounts, saveScreenshot } from './ui';

test.use({ archiveKind: 'empty' });

/** Remembers whether the import progress bar was ever on screen (it may show only briefly). */
async function watchForProgressBar(page: Page): Promise<void> {
  await page.evaluate(() => {
    const state = window as unknown as { progressSeen?: string[] };
    state.progressSeen = [];
    const look = () => {
      const bar = [...document.querySelectorAll('[role="progressbar"], progress')].find((el) => el.getAttribute('aria-label') === 'Import progress');
      if (bar) state.progressSeen?.push(`${bar.getAttribute('value') ?? ''}/${bar.getAttribute('max') ?? ''}`);
    };
    new MutationObserver(look).observe(document.body, { subtree: true, childList: true, attributes: true });
  });
}

async function readProgressSeen(page: Page): Promise<string[]> {
  return page.evaluate(() => (window as unknown as { progressSeen?: string[] }).progressSeen ?? []);
}

/** Lets the test hold the upload of picked files (POST /api/import:files) while it looks at the dialog. */
async function gateUploads(page: Page): Promise<{ holdWhile: (check: () => Promise<void>) => Promise<void> }> {
  let gate: Promise<void> = Promise.resolve();
  await page.route('**/api/import:files', async (route) => {
    await gate;
    await route.continue();
  });
  return {
    async holdWhile(check) {
      let release: () => void = () => undefined;
      gate = new Promise<void>((resolve) => (release = resolve));
      try {
        await check();
      } finally {
        release();
      }
    },
  };
}

/** Clicks Import and answers the file picker with `files`. */
async function pickFilesToImport(page: Page, files: string[]): Promise<void> {
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  const picker = await chooser;
  expect(picker.isMultiple()).toBe(true);
  await picker.setFiles(files);
}

test('imports the seed pages, shows progress and a summary, and finds duplicates the second time', async ({ page, app }) => {
  const seeds = await listSeedFiles();
  expect(seeds.length).toBeGreaterThanOrEqual(11);
  const importDialog = dialog(page, 'Import');
  const summary = importDialog.getByRole('region', { name: 'Import summary' });
  let first = { added: 0, merged: 0, duplicates: 0, rejected: 0 };

  await test.step('an empty archive shows no results', async () => {
    await openApp(page, app);
    await expect(resultCount(page)).toHaveText('0 results');
  });

  await test.step('import every seed page through the file picker behind Import', async () => {
    await watchForProgressBar(page);
    const uploads = await gateUploads(page);
    await uploads.holdWhile(async () => {
      await pickFilesToImport(page, seeds);
      await expect(importDialog.getByRole('status')).toHaveText(`Reading ${seeds.length} files…`);
    });
  });

  await test.step('progress, then the summary with the counts added', async () => {
    await expect(summary).toBeVisible({ timeout: 60_000 });
    expect(await readProgressSeen(page), 'the progress bar was shown while importing').not.toEqual([]);
    first = await readSummaryCounts(summary);
    expect(first.added).toBeGreaterThan(0);
    expect(first.rejected).toBe(0);
    // One row per file, under the name it was picked with.
    const rows = summary.getByRole('table').getByRole('row');
    await expect(rows).toHaveCount(seeds.length + 1);
    await expect(summary.getByRole('cell', { name: 'ru1.txt', exact: true })).toBeVisible();
    await saveScreenshot(page, 'import-summary');
  });

  await test.step('the new items are in the archive and in the results', async () => {
    await importDialog.getByRole('button', { name: 'Done' }).click();
    await expect(importDialog).toBeHidden();
    await expect(resultCount(page)).toHaveText(`${first.added} result${first.added === 1 ? '' : 's'}`);
    expect(await listItemFiles(app.archiveDir)).toHaveLength(first.added);
    await expect(page.getByText(`· ${first.added} items`)).toBeVisible();
  });

  await test.step('importing the same pages again adds nothing: duplicates', async () => {
    await pickFilesToImport(page, seeds);
    await expect(summary).toBeVisible({ timeout: 60_000 });
    const second = await readSummaryCounts(summary);
    expect(second).toMatchObject({ added: 0, merged: 0, rejected: 0 });
    expect(second.duplicates).toBeGreaterThanOrEqual(first.added);
    await importDialog.getByRole('button', { name: 'Done' }).click();
    expect(await readResultCount(page)).toBe(first.added);
    expect(await listItemFiles(app.archiveDir)).toHaveLength(first.added);
  });
});
