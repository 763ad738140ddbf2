// THE key test: every seed page parses into exactly its expected items (seeds/README comparison).
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadDefaultTaxonomy } from '../taxonomy';
import { parsePage } from './index';
import { type ExpectedPage, compareWithSeed } from './seed-compare';

const seedsDir = new URL('../../resources/seeds/', import.meta.url).pathname;

function listSeeds(): string[] {
  const top = readdirSync(seedsDir).filter((f) => f.endsWith('.txt'));
  const ru = readdirSync(join(seedsDir, 'ru')).filter((f) => f.endsWith('.txt')).map((f) => `ru/${f}`);
  return [...top, ...ru];
}

describe('seed pages', () => {
  const taxonomy = loadDefaultTaxonomy();
  const seeds = listSeeds();

  it('finds all eleven seed pages', () => {
    expect(seeds.length).toBe(11);
  });

  it.each(seeds)('reproduces %s exactly', (name) => {
    const text = readFileSync(join(seedsDir, name), 'utf8');
    const expected = JSON.parse(readFileSync(join(seedsDir, name.replace(/\.txt$/, '.json')), 'utf8')) as ExpectedPage;
    const page = parsePage(text, { taxonomy, url: expected.url });
    expect(compareWithSeed(page, expected)).toEqual([]);
    expect(page.url).toBe(expected.url);
  });

  it('keeps every expected anchor an exact substring of its page (the fixture itself is sound)', () => {
    for (const name of seeds) {
      const text = readFileSync(join(seedsDir, name), 'utf8');
      const expected = JSON.parse(readFileSync(join(seedsDir, name.replace(/\.txt$/, '.json')), 'utf8')) as ExpectedPage;
      for (const item of expected.items) expect(text.includes(item.anchor)).toBe(true);
    }
  });
});
