import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FACETS } from '../shared/model';
import { generateItems, toPageText } from './generate';
import { measureImport } from './import-bench';
import { RESOURCES_DIR } from './word-lists';

const items = generateItems(400, 7);
const taxonomy = JSON.parse(readFileSync(join(RESOURCES_DIR, 'taxonomy.json'), 'utf8')) as Record<string, { label: string }[]>;

describe('generateItems', () => {
  it('gives the same corpus for the same seed and another one for another seed', () => {
    expect(generateItems(20, 7)).toEqual(items.slice(0, 20));
    expect(generateItems(20, 8).map((item) => item.text)).not.toEqual(items.slice(0, 20).map((item) => item.text));
  });

  it('writes about 70% of items in English and 30% in Russian', () => {
    const share = items.filter((item) => item.lang === 'en').length / items.length;
    expect(share).toBeGreaterThan(0.62);
    expect(share).toBeLessThan(0.78);
  });

  it('writes press releases of about 1,900 characters', () => {
    const mean = items.reduce((sum, item) => sum + item.text.length, 0) / items.length;
    expect(mean).toBeGreaterThan(1700);
    expect(mean).toBeLessThan(2200);
  });

  it('dates items between 2002 and 2026 as ISO prefixes', () => {
    for (const item of items) {
      if (item.date === null) continue;
      expect(item.date).toMatch(/^\d{4}(-\d{2}(-\d{2})?)?$/);
      expect(Number(item.date.slice(0, 4))).toBeGreaterThanOrEqual(2002);
      expect(Number(item.date.slice(0, 4))).toBeLessThanOrEqual(2026);
    }
  });

  it('tags items with taxonomy labels, exercises named with the item year', () => {
    for (const item of items) {
      for (const facet of FACETS) {
        const labels = (taxonomy[facet] ?? []).map((entry) => entry.label);
        for (const tag of item.autoTags[facet]) {
          const label = facet === 'exercise' ? tag.replace(/-\d{4}$/, '') : tag;
          expect(labels).toContain(label);
          if (facet === 'exercise' && item.date) expect(tag.slice(-4)).toBe(item.date.slice(0, 4));
        }
      }
    }
    expect(items.filter((item) => item.autoTags.state.length > 0).length / items.length).toBeGreaterThan(0.7);
  });

  it('puts the archive-wide words in almost every item of their language', () => {
    const english = items.filter((item) => item.lang === 'en');
    const russian = items.filter((item) => item.lang === 'ru');
    expect(english.filter((item) => item.text.includes('CSTO')).length / english.length).toBeGreaterThan(0.95);
    expect(english.filter((item) => /\bmember\b/.test(item.text)).length / english.length).toBeGreaterThan(0.9);
    expect(russian.filter((item) => item.text.includes('ОДКБ')).length / russian.length).toBeGreaterThan(0.95);
  });

  it('gives every item its own id', () => {
    expect(new Set(items.map((item) => item.id)).size).toBe(items.length);
  });
});

describe('toPageText', () => {
  it('imports each generated page as one item with its title and date', async () => {
    const sample = items.slice(0, 6);
    const figures = await measureImport(sample);
    expect(figures.added).toBe(sample.length);
    expect(figures.failed).toBe(0);
    expect(figures.filesWritten).toBeGreaterThanOrEqual(sample.length);
    expect(toPageText(sample[0]!).startsWith(`${sample[0]!.title}\n\n`)).toBe(true);
  });
});
