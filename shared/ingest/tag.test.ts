// Every expected item of the seed pages, sliced from the page by its anchor, must get exactly the expected tags.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadDefaultTaxonomy } from '../taxonomy';
import { tagItem } from './tag';

interface SeedItem {
  anchor: string;
  states: string[];
  organs: string[];
  exercises: string[];
}

const seedsDir = new URL('../../resources/seeds/', import.meta.url).pathname;
/** Lines that close a page: site navigation and link lists, never part of the last item. */
const TRAILING_NAVIGATION =
  /^(?:\s*|All news|Main page|Print version|Go back|Back to the section|Back to the all news|Links|Eurasia Heritage Foundation|\s+[a-z].*)$/;

function listSeeds(): string[] {
  const names = (dir: string, prefix: string) =>
    readdirSync(join(seedsDir, dir))
      .filter((name) => name.endsWith('.json'))
      .map((name) => prefix + name.replace(/\.json$/, ''));
  return [...names('.', ''), ...names('ru', 'ru/')];
}

function dropTrailingNavigation(text: string): string {
  const lines = text.split('\n');
  while (lines.length > 0 && TRAILING_NAVIGATION.test(lines[lines.length - 1] as string)) lines.pop();
  return lines.join('\n');
}

/** Each item runs from its anchor to the next item's anchor, the last one to the page's end. */
function sliceItems(page: string, items: SeedItem[]): string[] {
  const starts: number[] = [];
  let from = 0;
  for (const item of items) {
    const at = page.indexOf(item.anchor, from);
    if (at < 0) throw new Error(`anchor not found: ${item.anchor}`);
    starts.push(at);
    from = at + item.anchor.length;
  }
  return starts.map((start, i) => {
    const end = starts[i + 1];
    return end === undefined ? dropTrailingNavigation(page.slice(start)) : page.slice(start, end);
  });
}

describe('tagging the seed pages', () => {
  const taxonomy = loadDefaultTaxonomy();
  for (const seed of listSeeds()) {
    const page = readFileSync(join(seedsDir, `${seed}.txt`), 'utf8');
    const expected = JSON.parse(readFileSync(join(seedsDir, `${seed}.json`), 'utf8')) as { items: SeedItem[] };
    const texts = sliceItems(page, expected.items);
    expected.items.forEach((item, i) => {
      it(`tags ${seed} item ${i + 1} ("${item.anchor.slice(0, 40)}") as annotated`, () => {
        const tags = tagItem(null, texts[i] as string, taxonomy);
        expect({ states: [...tags.state].sort(), organs: [...tags.organ].sort(), exercises: [...tags.exercise].sort() })
          .toEqual({ states: [...item.states].sort(), organs: [...item.organs].sort(), exercises: [...item.exercises].sort() });
      });
    });
  }
});

describe('tagItem', () => {
  it('takes tags from the headline as well as the body', () => {
    const tags = tagItem('Armenian delegation visits', 'The Joint Staff received guests.');
    expect(tags.state).toEqual(['Armenia']);
    expect(tags.organ).toEqual(['Joint Staff']);
  });

  it('tags the body alone when the item has no headline', () => {
    expect(tagItem(null, 'Exercise “Cobalt-2023” ended in Tajikistan.').exercise).toEqual(['Cobalt-2023']);
  });
});
