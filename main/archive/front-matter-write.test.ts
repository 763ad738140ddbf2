// The fast front-matter writer against the `yaml` package: whatever it writes is byte for byte what
// YAML.stringify writes with the readable options, it declines the rest, and it declines almost nothing
// an ordinary import writes.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import YAML from 'yaml';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SEED, generateItems } from '../../bench/generate';
import { parsePage } from '../../shared/ingest';
import { HOSTILE_PIECES, hostileText } from '../../shared/ingest/hostile-pieces';
import { type Item, type Tags, FACETS, ITEM_STATUSES, emptyTags } from '../../shared/model';
import { loadDefaultTaxonomy } from '../../shared/taxonomy';
import { joinFrontMatter } from './front-matter';
import { writeFastFrontMatter } from './front-matter-write';
import { buildItemFrontMatter, serializeItem } from './item-file';
import { buildItem } from './new-item';

const READABLE = { lineWidth: 0, minContentWidth: 0, version: '1.2' } as const;
const SEED_DIR = fileURLToPath(new URL('../../resources/seeds', import.meta.url));

// Strings yaml writes plain, quotes or writes as a block, in every combination a few pieces make.
const NASTY_PIECES = [
  '2024', 'true', 'True', 'TRUE', 'false', 'False', 'FALSE', 'null', 'NULL', '~', '-.inf', '.NaN', '1_000', '12:30', '0x1F', '0o17', '1e5', '.5', '1.', '+1', '-1', '.inf', '.nan', 'yes',
  '2024-01-01', '- x', '-', '?', '? x', 'a: b', ':', 'x:', '#x', ' #', ' ', '  ', "'", '"', '\\', '[', ']', '{', '}',
  ',', '*', '&', '!', '|', '>', '%', '@', '`', '---', '...', 'Ёж', 'ОДКБ «Рубеж»', '🎉', '👩‍👩‍👧', 'e\u0301', '\t',
  '\u00a0', '\u200b', '\u200f', '\u202e', '\u2060', 'x', 'Joint Staff', 'https://odkb-csto.org/news/?id=1#a',
];
// Pieces the writer must decline: line breaks, controls, separators, a byte-order mark, a lone surrogate.
const DECLINED_PIECES = ['\n', '\r', '\r\n', '\u0000', '\u0001', '\u007f', '\u0085', '\u2028', '\u2029', '\ufeff', '\ud800'];

const nasty = fc.oneof(
  { weight: 6, arbitrary: fc.array(fc.constantFrom(...NASTY_PIECES), { maxLength: 5 }).map((parts) => parts.join('')) },
  { weight: 2, arbitrary: fc.array(fc.constantFrom(...NASTY_PIECES), { maxLength: 5 }).map((parts) => parts.join(' ')) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 12 }) },
  { weight: 1, arbitrary: hostileText(4) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 6 }) },
);
const rare = fc.oneof({ weight: 30, arbitrary: nasty }, { weight: 1, arbitrary: fc.constantFrom(...DECLINED_PIECES, ...HOSTILE_PIECES) });

const tags: fc.Arbitrary<Tags> = fc.array(fc.tuple(fc.constantFrom(...FACETS), rare), { maxLength: 4 }).map((pairs) => {
  const out = emptyTags();
  for (const [facet, label] of pairs) out[facet].push(label);
  return out;
});

const hostileItem: fc.Arbitrary<Item> = fc
  .record({
    id: rare, title: rare, text: rare, note: rare, isTitleDerived: fc.boolean(),
    date: fc.option(rare, { nil: null }), datePrecision: fc.constantFrom('day', 'month', 'year', null),
    lang: fc.constantFrom('en', 'ru'),
    sources: fc.array(fc.record({ sha256: rare, file: rare, ext: rare, url: fc.option(rare, { nil: null }), index: fc.nat() }), { maxLength: 3 }),
    highlights: fc.array(fc.record({ quote: rare, start: fc.integer(), comment: rare }), { maxLength: 3 }),
    autoTags: tags, added: tags, rejected: tags,
    status: fc.constantFrom(...ITEM_STATUSES), imported: rare, updated: rare,
  })
  .map(({ added, rejected, ...rest }) => ({ ...rest, curator: { added, rejected } }) as Item);

function seedItems(): Item[] {
  const taxonomy = loadDefaultTaxonomy();
  return [SEED_DIR, join(SEED_DIR, 'ru')].flatMap((dir) =>
    readdirSync(dir)
      .filter((name) => name.endsWith('.txt'))
      .flatMap((name) =>
        parsePage(readFileSync(join(dir, name), 'utf8'), { taxonomy }).items.map((parsed, index) =>
          buildItem(parsed, { sha256: 'a'.repeat(64), file: name, ext: 'txt', url: null, index }, '2026-11-23T12:00:00.000Z'),
        ),
      ),
  );
}

/** Counts the items the writer declines and checks the others against yaml and the yaml path. */
function countDeclined(items: Item[]): number {
  let declined = 0;
  for (const item of items) {
    const data = buildItemFrontMatter(item);
    const fast = writeFastFrontMatter(data);
    if (fast === undefined) declined += 1;
    else expect(fast).toBe(YAML.stringify(data, READABLE));
    expect(serializeItem(item)).toBe(joinFrontMatter(data, item.text));
  }
  return declined;
}

describe('the fast front-matter writer', () => {
  it('writes an item with hostile strings exactly as yaml does, or declines, and the file stays the same', () => {
    let written = 0;
    let runs = 0;
    fc.assert(
      fc.property(hostileItem, (item) => {
        const data = buildItemFrontMatter(item);
        const fast = writeFastFrontMatter(data);
        runs += 1;
        if (fast !== undefined) {
          written += 1;
          expect(fast).toBe(YAML.stringify(data, READABLE));
        }
        expect(serializeItem(item)).toBe(joinFrontMatter(data, item.text));
      }),
      { numRuns: Number(process.env.FAST_WRITER_RUNS ?? 400) },
    );
    console.log(`[fast-writer] hostile-items written=${written}/${runs}`);
    expect(written).toBeGreaterThan(runs / 10);
  });

  it('writes one hostile string in every place of the format exactly as yaml does, or declines it', () => {
    let written = 0;
    let runs = 0;
    fc.assert(
      fc.property(rare, (text) => {
        const data = { title: text, tags: { state: [text, 'x'] }, curator: { added: { person: [text] } }, sources: [{ file: text, index: 0 }, { url: text }] };
        const fast = writeFastFrontMatter(data);
        runs += 1;
        if (fast === undefined) return;
        written += 1;
        expect(fast).toBe(YAML.stringify(data, READABLE));
      }),
      { numRuns: 3000 },
    );
    console.log(`[fast-writer] strings written=${written}/${runs}`);
    expect(written).toBeGreaterThan(runs / 2);
  });

  it.each([
    '2024', 'true', 'false', 'False', 'FALSE', 'null', 'Null', 'NULL', '~', '', '12:30', '-.inf', '.NaN', '0x1F', '0o17', '1e5', '.5', '-1', '+1', '.inf', '- x', '-', '-x', '? x', '?x',
    'a: b', 'a:b', 'x:', ':x', '#x', 'a #x', 'a#x', ' x', 'x ', "'", '"', "it's", 'say "x"', `'"`, '[x', '{x', '*x', '&x',
    '!x', '|x', '>x', '%x', '@x', '`x', '---x', '...x', 'Ёж', 'ОДКБ «Взаимодействие-2024»', '🎉', 'a\tb', '\tx', 'x\t',
    'a\u00a0b', '\u00a0', 'a\u200bb', 'a\\nb', 'C:\\dir\\file.txt', 'yes', '2024-09-10', '2026-11-23T12:00:00.000Z',
  ])('writes %j itself, as yaml does, in every place', (text) => {
    const data = { title: text, tags: { state: [text] }, sources: [{ file: text, url: text }] };
    expect(writeFastFrontMatter(data)).toBe(YAML.stringify(data, READABLE));
  });

  it.each(DECLINED_PIECES.map((piece) => [piece, `a${piece}b`]))('declines a string holding %j', (_, text) => {
    expect(writeFastFrontMatter({ title: 'x', note: text })).toBeUndefined();
    expect(writeFastFrontMatter({ tags: { state: ['x', text] } })).toBeUndefined();
    expect(writeFastFrontMatter({ sources: [{ index: 0, file: text }] })).toBeUndefined();
  });

  it.each([
    ['an undefined value', { a: undefined }],
    ['a negative zero', { a: -0 }],
    ['a fraction', { a: 1.5 }],
    ['a large number', { a: 1e21 }],
    ['a NaN', { a: Number.NaN }],
    ['a bigint', { a: 10n }],
    ['a date', { a: new Date(0) }],
    ['a map', { a: new Map() }],
    ['a function', { a: () => 1 }],
    ['a hole in a list', { a: [, 'x'] }],
    ['a list in a list', { a: [['x']] }],
    ['a mapping in a listed mapping', { a: [{ b: { c: 'x' } }] }],
    ['an empty listed mapping', { a: [{}] }],
    ['a key yaml would quote', { 'a b': 'x' }],
    ['a reserved key', { true: 'x' }],
    ['a symbol key', { a: 'x', [Symbol('s')]: 'y' }],
    ['a __proto__ key', JSON.parse('{"__proto__": "x"}') as Record<string, unknown>],
    ['nesting deeper than the format', { a: { b: { c: { d: { e: { f: 'x' } } } } } }],
    ['an empty front matter', {}],
  ])('declines %s', (_, data) => {
    expect(writeFastFrontMatter(data as Record<string, unknown>)).toBeUndefined();
  });

  it('writes the integers, booleans, nulls and empty collections of the format as yaml does', () => {
    const data = { format: 1, index: 0, start: 123456789, below: -5, max: Number.MAX_SAFE_INTEGER, on: true, off: false, none: null, list: [], map: {} };
    expect(writeFastFrontMatter(data)).toBe(YAML.stringify(data, READABLE));
  });

  it('declines none of the benchmark corpus items and writes them as yaml does', () => {
    const items = generateItems(400, DEFAULT_SEED);
    const declined = countDeclined(items);
    console.log(`[fast-writer] bench-items declined=${declined}/${items.length}`);
    expect(declined).toBe(0);
  });

  it('declines none of the seed pages items and writes them as yaml does', () => {
    const items = seedItems();
    const declined = countDeclined(items);
    console.log(`[fast-writer] seed-items declined=${declined}/${items.length}`);
    expect(items.length).toBeGreaterThan(20);
    expect(declined).toBe(0);
  });
});
