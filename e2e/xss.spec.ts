// Imported text is never rendered as HTML: pages carrying 100+ XSS payloads are imported through the
// UI, searched, read, annotated and exported, and in Chromium no payload may run, no request may
// leave 127.0.0.1, the page may not navigate and no dialog may open. The payloads must still be on
// screen as text, which proves they went through rendering.
import { rm } from 'node:fs/promises';
import { basename } from 'node:path';
import { type Page, test as plainTest } from 'playwright/test';
import { readItems } from './archive-files';
import { expect, openApp, test } from './fixtures';
import { dialog, reader, resultRows, search } from './ui';
import { guardContext } from './network-guard';
import { type HostilePages, XSS_WORD, listPayloads, writeHostilePages } from './xss-payloads';

test.use({ archiveKind: 'empty' });

/** What a payload could do if it escaped: each list must stay empty. */
interface Evidence {
  executed: number[];
  dialogs: string[];
  navigations: string[];
}

/** Installs the traps before the app's first script: `__xss` in every frame, dialogs, navigations. */
async function trapPayloads(page: Page): Promise<Evidence> {
  const evidence: Evidence = { executed: [], dialogs: [], navigations: [] };
  // exposeFunction defines window.__xss in every frame (iframes included) and survives navigation.
  await page.exposeFunction('__xss', (n: unknown) => evidence.executed.push(Number(n)));
  page.on('dialog', (shown) => {
    evidence.dialogs.push(`${shown.type()}: ${shown.message()}`);
    void shown.dismiss();
  });
  return evidence;
}

function watchNavigations(page: Page, evidence: Evidence): void {
  const appUrl = page.url();
  page.on('framenavigated', (frame) => {
    // Any frame: a payload iframe loading javascript:, data: or srcdoc content counts as well.
    if (frame === page.mainFrame() && frame.url() === appUrl) return;
    evidence.navigations.push(frame.url() || '(empty)');
  });
}

async function importPages(page: Page, files: string[]): Promise<void> {
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await (await chooser).setFiles(files);
  const importDialog = dialog(page, 'Import');
  const summary = importDialog.getByRole('region', { name: 'Import summary' });
  await expect(summary).toBeVisible({ timeout: 30_000 });
  for (const file of files) await expect(summary.getByRole('cell', { name: basename(file), exact: true })).toBeVisible();
  await importDialog.getByRole('button', { name: 'Done' }).click();
  await expect(importDialog).toBeHidden();
}

let pages: HostilePages;

test.beforeAll(async () => {
  pages = await writeHostilePages();
});

test.afterAll(async () => {
  if (pages) await rm(pages.dir, { recursive: true, force: true });
});

test('imports pages carrying 100+ XSS payloads: nothing runs, nothing leaves, nothing navigates', async ({ page, app, guard }) => {
  expect(pages.payloadCount).toBeGreaterThanOrEqual(100);
  const evidence = await trapPayloads(page);
  let opened = 0;

  await test.step('open the app and import the hostile pages through the file picker', async () => {
    await openApp(page, app);
    watchNavigations(page, evidence);
    await importPages(page, pages.files);
  });

  await test.step('search them and open every result in the reader', async () => {
    const found = await search(page, XSS_WORD);
    expect(found).toBeGreaterThanOrEqual(pages.files.length);
    const rows = resultRows(page);
    await expect(rows.first()).toBeVisible();
    // The list may render only the rows in view: open every row it shows.
    const shown = await rows.count();
    for (let index = 0; index < shown; index += 1) {
      await rows.nth(index).getByRole('button').first().click();
      await expect(reader(page).getByRole('heading', { level: 2 })).toBeVisible();
      opened += 1;
    }
  });

  await test.step('the payloads are on screen as text', async () => {
    // The reader of the text page whose paragraphs keep the markup the cleaner leaves (an autolink,
    // a Markdown javascript: link): shown literally, not as links.
    await search(page, `${XSS_WORD} hostile headline`);
    await resultRows(page).first().getByRole('button').first().click();
    const item = reader(page);
    expect(pages.visibleLiterals.length).toBeGreaterThanOrEqual(3);
    for (const literal of pages.visibleLiterals) await expect(item).toContainText(literal);
    await expect(item.getByRole('link', { name: /link \d+|javascript/ })).toHaveCount(0);
  });

  await test.step('a note carrying a payload is saved and shown as text', async () => {
    const note = reader(page).getByRole('textbox', { name: 'Note' });
    await note.fill(pages.notePayload);
    await note.press('Tab');
    await expect.poll(async () => (await readItems(app.archiveDir)).some((entry) => entry.note === pages.notePayload)).toBe(true);
  });

  await test.step('the export preview of the results renders as text, with no javascript: link', async () => {
    await search(page, XSS_WORD);
    await page.getByRole('button', { name: 'Export', exact: true }).click();
    const exportDialog = dialog(page, /^Export /);
    const preview = exportDialog.getByRole('region', { name: 'Preview' });
    await expect(preview).toContainText(XSS_WORD);
    await expect(preview).toContainText('Hostile headline');
    // The export keeps the payload's text, escaped so that it is no live javascript: link.
    await expect(preview).toContainText(/\\\[link \d+\\\]\(javascript:/);
    await expect(preview).not.toContainText(/(^|[^\\])\]\(javascript:/i);
    await exportDialog.getByRole('button', { name: 'Cancel' }).click();
    await expect(exportDialog).toBeHidden();
  });

  await test.step('no payload ran, no request left, no navigation, no dialog', async () => {
    // Anything queued by the page (timers, image errors, frame loads) settles before the count.
    await page.evaluate(() => new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0))));
    const extraFrames = page.frames().filter((frame) => frame !== page.mainFrame()).map((frame) => frame.url());
    console.log(
      `[xss] payloads=${pages.payloadCount} pages=${pages.files.length} opened=${opened} executed=${evidence.executed.length} ` +
        `requests-left=${guard.outside.length} navigations=${evidence.navigations.length} dialogs=${evidence.dialogs.length} frames=${extraFrames.length}`,
    );
    expect(evidence.executed, 'payloads that ran').toEqual([]);
    expect(guard.outside, 'requests that left 127.0.0.1').toEqual([]);
    expect(evidence.navigations, 'navigations').toEqual([]);
    expect(evidence.dialogs, 'dialogs').toEqual([]);
    expect(extraFrames, 'frames created by imported content').toEqual([]);
  });
});

// Without the suite's fixtures: here the payloads are meant to run, so the traps must see them. A
// page that parses them as HTML proves they are live and that a zero above is not a blind trap.
plainTest('the traps catch the same payloads when a page does parse them as HTML', async ({ browser }) => {
  const context = await browser.newContext();
  try {
    const report = await guardContext(context);
    const page = await context.newPage();
    const evidence = await trapPayloads(page);
    // Leave out the ones that would take the page away before the others run.
    const staying = listPayloads().filter((payload) => !/refresh|<base|location=|window\.open|target=/.test(payload));
    // A payload such as an open <textarea> swallows the markup after it: the alerts go first.
    const alerts = staying.filter((payload) => payload.includes('alert('));
    const rest = staying.filter((payload) => !payload.includes('alert('));
    await page.setContent(`<!doctype html><body>${[...alerts, ...rest].join('\n')}</body>`);
    await expect.poll(() => evidence.executed.length).toBeGreaterThanOrEqual(10);
    await expect.poll(() => report.outside.filter((url) => url.startsWith('http://127.0.0.2:9/xss-')).length).toBeGreaterThanOrEqual(5);
    await expect.poll(() => evidence.dialogs.length).toBeGreaterThanOrEqual(1);
    console.log(`[xss] self-check: parsed as HTML, executed=${evidence.executed.length} requests-left-attempted=${report.outside.length} dialogs=${evidence.dialogs.length}`);
  } finally {
    await context.close();
  }
});
