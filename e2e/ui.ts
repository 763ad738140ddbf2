// The app's controls, found by role and accessible name only (the UI contract in docs/testing.md).
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright/test';
import { expect, readResultCount, resultCount } from './fixtures';
import { SCREENSHOTS_DIR, SEEDS_DIR } from './paths';

export const searchBox = (page: Page) => page.getByRole('searchbox', { name: 'Search archive' });
export const resultList = (page: Page) => page.getByRole('list', { name: 'Results' });
export const resultRows = (page: Page) => resultList(page).getByRole('listitem');
export const reader = (page: Page) => page.getByRole('region', { name: 'Item' });
export const facetGroup = (page: Page, facet: 'State' | 'Organ' | 'Exercise' | 'Person' | 'Year') =>
  page.getByRole('navigation', { name: 'Filters' }).getByRole('group', { name: facet, exact: true });
export const facetCheckbox = (page: Page, facet: 'State' | 'Organ' | 'Exercise' | 'Person' | 'Year', label: string) =>
  facetGroup(page, facet).getByRole('checkbox', { name: new RegExp(`^${escapeRegExp(label)}\\b`) });
export const dialog = (page: Page, name: string | RegExp) => page.getByRole('dialog', { name });

/** Replaces the query and waits for the result count to settle on a number. */
export async function search(page: Page, query: string): Promise<number> {
  const box = searchBox(page);
  await box.fill('');
  await box.fill(query);
  await expect(box).toHaveValue(query);
  await expect(resultCount(page)).toHaveText(/^\d+ results?$/);
  return readResultCount(page);
}

/** Opens the result at `index` in the reader and answers the reader's title. */
export async function openResult(page: Page, index: number): Promise<string> {
  await resultRows(page).nth(index).getByRole('button').first().click();
  await expect(reader(page).getByRole('heading', { level: 2 })).toBeVisible();
  return readerTitle(page);
}

/** The reader's title, without the "derived title" badge. */
export async function readerTitle(page: Page): Promise<string> {
  const heading = reader(page).getByRole('heading', { level: 2 });
  return (await heading.innerText()).replace(/derived title\s*$/, '').trim();
}

export interface SummaryCounts {
  added: number;
  merged: number;
  duplicates: number;
  rejected: number;
}

/** Reads the import summary's counts (Added, Merged, Duplicates, Rejected files). */
export async function readSummaryCounts(summary: Locator): Promise<SummaryCounts> {
  const text = await summary.innerText();
  const count = (label: string) => {
    const match = new RegExp(`${label}\\s+(\\d+)`).exec(text);
    if (!match?.[1]) throw new Error(`the import summary shows no "${label}" count:\n${text}`);
    return Number(match[1]);
  };
  return { added: count('Added'), merged: count('Merged'), duplicates: count('Duplicates'), rejected: count('Rejected files') };
}

/** The seed pages: English resources/seeds/*.txt and Russian resources/seeds/ru/*.txt. */
export async function listSeedFiles(): Promise<string[]> {
  const english = (await readdir(SEEDS_DIR)).filter((f) => f.endsWith('.txt')).map((f) => join(SEEDS_DIR, f));
  const russian = (await readdir(join(SEEDS_DIR, 'ru'))).filter((f) => f.endsWith('.txt')).map((f) => join(SEEDS_DIR, 'ru', f));
  return [...english.sort(), ...russian.sort()];
}

/** Takes a README screenshot (1280×800, light theme) of the whole window. */
export async function saveScreenshot(page: Page, name: string): Promise<void> {
  // The picture shows the app at rest: no status says it is still loading or syncing, fonts loaded.
  await expect(page.getByRole('status', { includeHidden: true }).filter({ hasText: /^(Loading…|Syncing…|Sync failed)/ })).toHaveCount(0);
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
  await page.screenshot({ path: join(SCREENSHOTS_DIR, `${name}.png`), animations: 'disabled', caret: 'hide' });
}

export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
