// Realistic pages beyond the seeds (resources/fixtures/pages): the rules must be general, not
// fitted to eleven pages. Same comparison as the seeds.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadDefaultTaxonomy } from '../taxonomy';
import { parsePage } from './index';
import { type ExpectedPage, compareWithSeed } from './seed-compare';

const pagesDir = new URL('../../resources/fixtures/pages/', import.meta.url).pathname;
const pages = readdirSync(pagesDir).filter((f) => f.endsWith('.txt'));

describe('additional realistic pages', () => {
  const taxonomy = loadDefaultTaxonomy();

  it('has pages in both languages to check', () => {
    expect(pages.some((p) => p.startsWith('en-'))).toBe(true);
    expect(pages.some((p) => p.startsWith('ru-'))).toBe(true);
  });

  it.each(pages)('parses %s into its expected items', (name) => {
    const text = readFileSync(join(pagesDir, name), 'utf8');
    const expected = JSON.parse(readFileSync(join(pagesDir, name.replace(/\.txt$/, '.json')), 'utf8')) as ExpectedPage;
    expect(compareWithSeed(parsePage(text, { taxonomy }), expected)).toEqual([]);
  });
});
