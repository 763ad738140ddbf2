// A curator's session on the sample archive, in order: tag and untag an item, re-tag the archive,
// annotate, build and reorder a collection, export it, and find everything again after a reload.
// The tests share one server and one page (serial): each step builds on the one before.
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import MarkdownIt from 'markdown-it';
import type { BrowserContext, Locator, Page } from 'playwright/test';
import { type RunningApp, startApp } from './app-process';
import { parseFrontMatter, readItemByTitle } from './archive-files';
import { expect, expectCleanGuard, openApp, readResultCount, test } from './fixtures';
import { type GuardReport, guardContext } from './network-guard';
import { dialog, escapeRegExp, openResult, reader, readerTitle, resultRows, saveScreenshot, search } from './ui';

test.describe.configure({ mode: 'serial' });

const NOTE = 'E2E note: compare with the 2021 meeting; ask the Joint Staff for the minutes.';
const COMMENT = 'E2E comment: the key sentence.';
const COLLECTION = 'E2E briefing';

let app: RunningApp;
let context: BrowserContext;
let page: Page;
let guard: GuardReport;
/** What the steps learn and later steps check. */
const state = {
  curatedTitle: '',
  addedTag: '',
  quote: '',
  /** Collection entry titles, in the order the collection should have after reordering. */
  order: [] as string[],
  collectionIds: [] as string[],
};

test.beforeAll(async ({ browser }) => {
  app = await startApp('sample');
  context = await browser.newContext({ viewport: { width: 1280, height: 800 }, colorScheme: 'light', acceptDownloads: true, timezoneId: 'UTC', locale: 'en-US' });
  guard = await guardContext(context);
  page = await context.newPage();
  await openApp(page, app);
});

test.afterEach(() => expectCleanGuard(guard));

test.afterAll(async () => {
  await context?.close();
  await app?.stop();
});

const removeTag = (label: string) => reader(page).getByRole('button', { name: `Remove tag ${label}`, exact: true });
const starButton = () => reader(page).getByRole('button', { name: /Star/ });
const collectionsPanel = () => page.getByRole('region', { name: 'Collections' });
const collectionView = () => page.getByRole('region', { name: `Collection ${COLLECTION}` });
const entries = () => collectionView().getByRole('list', { name: 'Entries' }).getByRole('listitem');

async function readItem(title: string) {
  return readItemByTitle(app.archiveDir, title);
}

/** Double-clicks the first plain word of six letters or more in the item's text (a real selection). */
async function selectAWordOfTheText(text: Locator): Promise<string> {
  const target = await text.evaluate((section) => {
    const walker = document.createTreeWalker(section, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const match = /(?<=\s)[A-Za-z]{6,}(?=[\s,.])/.exec(node.textContent ?? '');
      if (!match) continue;
      const range = document.createRange();
      range.setStart(node, match.index);
      range.setEnd(node, match.index + match[0].length);
      const rect = range.getBoundingClientRect();
      return { word: match[0], x: rect.x + rect.width / 2, y: rect.y + rect.height / 2 };
    }
    return null;
  });
  if (!target) throw new Error('the item text has no plain word to select');
  await page.mouse.dblclick(target.x, target.y);
  return target.word;
}

/** The titles of the collection's entries, in order. */
async function readEntryTitles(): Promise<string[]> {
  const buttons = await entries().all();
  return Promise.all(buttons.map(async (entry) => (await entry.getByRole('button').first().innerText()).trim()));
}

function expectOrder(titles: string[], expected: string[]): void {
  expect(titles).toHaveLength(expected.length);
  expected.forEach((title, i) => expect(titles[i], `entry ${i + 1}`).toContain(title));
}

test('tags an item, removes an automatic tag, and the removal survives re-tagging the archive', async () => {
  await test.step('open an item tagged Armenia that mentions the CSTO', async () => {
    await search(page, 'state:Armenia organ:"Joint Staff" CSTO');
    await openResult(page, 0);
    state.curatedTitle = await readerTitle(page);
    await expect(removeTag('Armenia')).toBeVisible();
  });

  await test.step('add a tag: Add tag → Tag → pick the suggestion', async () => {
    const candidates = ['Iran', 'Moldova', 'Ukraine', 'Georgia', 'Azerbaijan', 'Uzbekistan'];
    for (const label of candidates) {
      if ((await removeTag(label).count()) === 0) {
        state.addedTag = label;
        break;
      }
    }
    expect(state.addedTag, 'a state the item is not tagged with yet').not.toBe('');
    await reader(page).getByRole('button', { name: 'Add tag' }).click();
    const tagInput = reader(page).getByRole('combobox', { name: 'Tag' });
    await tagInput.fill(state.addedTag.slice(0, 4));
    await reader(page).getByRole('option', { name: new RegExp(`^${state.addedTag}\\b`) }).click();
    await expect(removeTag(state.addedTag)).toBeVisible();
    await tagInput.press('Escape');
    await expect(tagInput).toBeHidden();
    await expect.poll(async () => (await readItem(state.curatedTitle)).curator.added.state ?? []).toContain(state.addedTag);
  });

  await test.step('remove the automatic tag Armenia', async () => {
    await removeTag('Armenia').click();
    await expect(removeTag('Armenia')).toBeHidden();
    await expect.poll(async () => (await readItem(state.curatedTitle)).curator.rejected.state ?? []).toContain('Armenia');
  });

  await test.step('re-tag: Taxonomy → alias "CSTO" for Armenia → the rejected tag stays removed', async () => {
    await search(page, 'state:Armenia');
    const before = await readResultCount(page);
    await page.getByRole('button', { name: 'Taxonomy', exact: true }).click();
    const taxonomy = dialog(page, 'Taxonomy');
    await taxonomy.getByRole('combobox', { name: 'Facet' }).selectOption('state');
    // A plain field or one with suggestions (a combobox): either way it is named Label.
    const labelField = taxonomy.getByRole('textbox', { name: 'Label', exact: true }).or(taxonomy.getByRole('combobox', { name: 'Label', exact: true }));
    await labelField.fill('Armenia');
    await taxonomy.getByRole('textbox', { name: 'Aliases' }).fill('CSTO');
    await taxonomy.getByRole('button', { name: 'Add alias' }).click();
    await expect(taxonomy.getByRole('status')).toHaveText(/^Saved\. [1-9]\d* items? re-tagged\.$/, { timeout: 30_000 });
    await taxonomy.getByRole('button', { name: 'Close' }).click();
    // The alias tags every item that names the CSTO, so more results are tagged Armenia now…
    await expect.poll(() => readResultCount(page)).toBeGreaterThan(before);
    // …but not the item whose Armenia tag the curator removed, though its text names the CSTO.
    await expect(reader(page).getByRole('heading', { level: 2 })).toContainText(state.curatedTitle);
    await expect(reader(page)).toContainText('CSTO');
    await expect(removeTag('Armenia')).toBeHidden();
    await expect(removeTag(state.addedTag)).toBeVisible();
    const onDisk = await readItem(state.curatedTitle);
    expect(onDisk.curator.rejected.state).toContain('Armenia');
    expect(onDisk.curator.added.state).toContain(state.addedTag);
  });
});

test('writes a note, highlights a selection with a comment, and stars the item', async () => {
  await test.step('write a note', async () => {
    const note = reader(page).getByRole('textbox', { name: 'Note' });
    await note.fill(NOTE);
    await note.press('Tab');
    await expect.poll(async () => (await readItem(state.curatedTitle)).note).toBe(NOTE);
  });

  await test.step('select text, Highlight, comment, save', async () => {
    const text = reader(page).getByRole('region', { name: 'Text' });
    state.quote = await selectAWordOfTheText(text);
    await reader(page).getByRole('button', { name: 'Highlight', exact: true }).click();
    await expect(reader(page).getByRole('blockquote')).toHaveText(state.quote);
    await reader(page).getByRole('textbox', { name: 'Comment' }).fill(COMMENT);
    await reader(page).getByRole('button', { name: 'Save highlight' }).click();
    const highlights = reader(page).getByRole('region', { name: 'Highlights' });
    await expect(highlights).toContainText(state.quote);
    await expect(highlights).toContainText(COMMENT);
    await expect.poll(async () => (await readItem(state.curatedTitle)).highlights).toEqual([expect.objectContaining({ quote: state.quote, comment: COMMENT })]);
  });

  await test.step('star it', async () => {
    await starButton().click();
    await expect(starButton()).toHaveAttribute('aria-pressed', 'true');
    await expect.poll(async () => (await readItem(state.curatedTitle)).status).toBe('starred');
    await saveScreenshot(page, 'reader');
  });
});

/** Adds the item open in the reader to the collection through the reader's Add to collection. */
async function addOpenItemToCollection(): Promise<void> {
  await reader(page).getByRole('button', { name: 'Add to collection' }).click();
  const add = dialog(page, /^Add item to collection$/);
  await add.getByRole('combobox', { name: 'Collection' }).selectOption({ label: COLLECTION });
  await add.getByRole('button', { name: 'Add', exact: true }).click();
  await expect(add).toBeHidden();
}

test('builds a collection and reorders it by drag and by the move buttons', async () => {
  const added: string[] = [];

  await test.step('New collection → Collection name', async () => {
    await collectionsPanel().getByRole('button', { name: 'New collection' }).click();
    await collectionsPanel().getByRole('textbox', { name: 'Collection name' }).fill(COLLECTION);
    await collectionsPanel().getByRole('button', { name: 'Create' }).click();
    await expect(collectionView()).toBeVisible();
    await expect(entries()).toHaveCount(0);
  });

  await test.step('Add to collection: the curated item and two more', async () => {
    await addOpenItemToCollection();
    added.push(state.curatedTitle);
    await collectionView().getByRole('button', { name: 'Back to results' }).click();
    await search(page, '"Joint Staff"');
    for (let index = 0; added.length < 3; index += 1) {
      expect(index, 'enough other results to add').toBeLessThan(await resultRows(page).count());
      await openResult(page, index);
      const title = await readerTitle(page);
      if (added.includes(title)) continue;
      await addOpenItemToCollection();
      added.push(title);
    }
    await collectionsPanel().getByRole('button', { name: new RegExp(`^${escapeRegExp(COLLECTION)}`) }).click();
    await expect(entries()).toHaveCount(3);
    expectOrder(await readEntryTitles(), added);
  });

  const [first, second, third] = added as [string, string, string];

  await test.step('drag the third entry onto the first', async () => {
    await entries().nth(2).dragTo(entries().nth(0));
    await expect.poll(readEntryTitles).toEqual([expect.stringContaining(third), expect.stringContaining(first), expect.stringContaining(second)]);
  });

  await test.step(`move an entry down with its button`, async () => {
    await collectionView().getByRole('button', { name: new RegExp(`^Move .*${escapeRegExp(first.slice(0, 30))}.* down$`) }).click();
    await expect.poll(readEntryTitles).toEqual([expect.stringContaining(third), expect.stringContaining(second), expect.stringContaining(first)]);
    state.order = [third, second, first];
  });

  await test.step('the collection file keeps the new order', async () => {
    const ids = await Promise.all(state.order.map(async (title) => (await readItem(title)).id));
    const files = await readdir(join(app.archiveDir, 'collections'));
    expect(files).toHaveLength(1);
    const readIds = async () => {
      const text = await readFile(join(app.archiveDir, 'collections', files[0]!), 'utf8');
      const entriesOnDisk = parseFrontMatter(text).data.entries as { id: string }[];
      return entriesOnDisk.map((e) => e.id);
    };
    await expect.poll(readIds).toEqual(ids);
    state.collectionIds = ids;
    await saveScreenshot(page, 'collection');
  });
});

test('exports the collection: a Markdown download in the new order with the note and the highlight', async () => {
  const exportDialog = dialog(page, new RegExp(`^Export .${escapeRegExp(COLLECTION)}.$`));
  let markdown = '';

  await test.step('Export → the dialog shows a preview', async () => {
    await page.getByRole('button', { name: 'Export', exact: true }).click();
    await expect(exportDialog).toBeVisible();
    await expect(exportDialog.getByRole('region', { name: 'Preview' })).toContainText(`# ${COLLECTION}`);
    await expect(exportDialog.getByRole('region', { name: 'Preview' })).toContainText(NOTE);
    await saveScreenshot(page, 'export');
  });

  await test.step('Save export downloads one Markdown file', async () => {
    const download = page.waitForEvent('download');
    await exportDialog.getByRole('button', { name: 'Save export' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/\.md$/);
    markdown = await readFile(await file.path(), 'utf8');
    await expect(exportDialog.getByRole('status')).toHaveText('Downloaded 1 file.');
  });

  await test.step('front matter parses with yaml and lists the items in order', async () => {
    const { data } = parseFrontMatter(markdown);
    expect(data).toMatchObject({ title: COLLECTION, count: 3, items: state.collectionIds });
  });

  await test.step('sections in the new order, with the note and the highlight', async () => {
    const tokens = new MarkdownIt().parse(markdown, {});
    const headings = tokens
      .flatMap((token, i) => (token.type === 'heading_open' && token.tag === 'h2' ? [tokens[i + 1]?.children ?? []] : []))
      .map((children) => children.filter((c) => c.type === 'text').map((c) => c.content).join(''));
    expect(headings).toHaveLength(3);
    state.order.forEach((title, i) => expect(headings[i]).toBe(`${i + 1}. ${title}`));
    expect(markdown).toContain(NOTE);
    expect(markdown).toContain(`> ${state.quote}`);
    expect(markdown).toContain(COMMENT);
    await exportDialog.getByRole('button', { name: 'Cancel' }).click();
  });
});

test('after a reload, the tags, note, highlight, star and collection order are all still there', async () => {
  await page.reload();
  await expect(page.getByRole('searchbox', { name: 'Search archive' })).toBeVisible();

  await test.step('the collection keeps its order', async () => {
    await collectionsPanel().getByRole('button', { name: new RegExp(`^${escapeRegExp(COLLECTION)}`) }).click();
    await expect(entries()).toHaveCount(3);
    expectOrder(await readEntryTitles(), state.order);
  });

  await test.step('the curated item keeps its tags, note, highlight and star', async () => {
    await entries().filter({ hasText: state.curatedTitle }).getByRole('button').first().click();
    await expect(reader(page).getByRole('heading', { level: 2 })).toContainText(state.curatedTitle);
    await expect(removeTag(state.addedTag)).toBeVisible();
    await expect(removeTag('Armenia')).toBeHidden();
    await expect(reader(page).getByRole('textbox', { name: 'Note' })).toHaveValue(NOTE);
    await expect(reader(page).getByRole('region', { name: 'Highlights' })).toContainText(state.quote);
    await expect(starButton()).toHaveAttribute('aria-pressed', 'true');
  });
});
