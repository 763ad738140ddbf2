// Searching the sample archive from the search box and the facets. What the app shows is compared
// with what the CLI (the same search code, no renderer) finds in a copy of the same archive.
import { listItemFiles } from './archive-files';
import { type CliOracle, snapshotForCli } from './cli-oracle';
import { expect, openApp, readResultCount, resultCount, test } from './fixtures';
import { facetCheckbox, facetGroup, resultList, resultRows, saveScreenshot, search, searchBox } from './ui';

const countText = (n: number) => `${n} result${n === 1 ? '' : 's'}`;

test('searches as you type, with filters, phrases, Russian inflections and facets', async ({ page, app }) => {
  let cli: CliOracle | undefined;
  try {
    cli = await snapshotForCli(app.archiveDir);
    const oracle = cli;
    let total = 0;

    await test.step('an empty query lists every item', async () => {
      await openApp(page, app);
      total = await readResultCount(page);
      expect(total).toBe((await listItemFiles(app.archiveDir)).length);
      expect(total).toBeGreaterThan(10);
    });

    await test.step('results update as you type, without pressing Enter', async () => {
      const box = searchBox(page);
      await box.click();
      await box.pressSequentially('Arm', { delay: 40 });
      await expect(resultCount(page)).toHaveText(countText(await oracle.countResults('Arm')));
      await box.pressSequentially('enia', { delay: 40 });
      const expected = await oracle.countResults('Armenia');
      expect(expected).toBeLessThan(total);
      await expect(resultCount(page)).toHaveText(countText(expected));
      await expect(resultRows(page)).toHaveCount(expected);
    });

    await test.step('filters: state:Armenia organ:"Joint Staff"', async () => {
      const query = 'state:Armenia organ:"Joint Staff"';
      const expected = await oracle.countResults(query);
      expect(expected).toBeGreaterThan(0);
      expect(await search(page, query)).toBe(expected);
      // The facets count the result set: every result is tagged Armenia.
      await expect(facetCheckbox(page, 'State', 'Armenia')).toHaveAccessibleName(new RegExp(`^Armenia\\s+${expected}$`));
      await expect(facetCheckbox(page, 'Organ', 'Joint Staff')).toHaveAccessibleName(new RegExp(`^Joint Staff\\s+${expected}$`));
    });

    await test.step('an exact phrase: "Joint Staff"', async () => {
      const expected = await oracle.countResults('"Joint Staff"');
      expect(expected).toBeGreaterThan(0);
      expect(await search(page, '"Joint Staff"')).toBe(expected);
      await expect(resultRows(page).first()).toContainText(/joint staff/i);
    });

    await test.step('a Russian inflected word finds its other forms: учений', async () => {
      const expected = await oracle.countResults('учений');
      expect(expected).toBeGreaterThan(0);
      expect(await search(page, 'учений')).toBe(expected);
      const texts = await resultRows(page).allInnerTexts();
      const forms = new Set(texts.join(' ').toLowerCase().match(/учени[а-яё]*/g) ?? []);
      expect([...forms].filter((form) => form !== 'учений'), `forms of учение found in ${[...forms].join(', ')}`).not.toEqual([]);
    });

    await test.step('a facet checkbox adds and removes its filter', async () => {
      await search(page, '');
      await expect(resultCount(page)).toHaveText(countText(total));
      const armenia = facetCheckbox(page, 'State', 'Armenia');
      await armenia.check();
      await expect(page.getByRole('button', { name: 'Remove filter state: Armenia' })).toBeVisible();
      await expect(resultCount(page)).toHaveText(countText(await oracle.countResults('state:Armenia')));
      await expect(facetCheckbox(page, 'State', 'Armenia')).toBeChecked();
      await facetCheckbox(page, 'State', 'Armenia').uncheck();
      await expect(page.getByRole('button', { name: 'Remove filter state: Armenia' })).toBeHidden();
      await expect(resultCount(page)).toHaveText(countText(total));
    });

    await test.step('screenshot: results with facets and the timeline', async () => {
      await search(page, 'CSTO');
      await expect(facetGroup(page, 'State').getByRole('checkbox').first()).toBeVisible();
      await expect(resultList(page).getByRole('listitem').first()).toBeVisible();
      await saveScreenshot(page, 'search');
    });
  } finally {
    await cli?.dispose();
  }
});
