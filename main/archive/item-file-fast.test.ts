// The fast front-matter reader against the `yaml` package: on every file the serializer writes it reads
// the same, and on any edit of such a file it either reads the same or declines.
import fc from 'fast-check';
import YAML from 'yaml';
import { describe, expect, it } from 'vitest';
import { HOSTILE_PIECES, hostileText } from '../../shared/ingest/hostile-pieces';
import { type Item, type Tags, FACETS, ITEM_STATUSES, emptyTags } from '../../shared/model';
import { ArchiveFileError, parseYamlMapping } from './front-matter';
import { readFastFrontMatter } from './item-file-fast';
import { parseItem, serializeItem } from './item-file';

const isWellFormed = (text: string) => !/\p{Surrogate}/u.test(text);
const words = fc
  .array(fc.constantFrom('ОДКБ', 'Joint', 'штаб', 'CSTO', '2024', '«Рубеж»', 'a-b', 'x:y', '(1)', 'é', 'Ёж', '🎉', '...', '\n', '\t', ' ', ','), { maxLength: 8 })
  .map((parts) => parts.join(' '));
const text = fc.oneof(
  { weight: 3, arbitrary: words },
  { weight: 2, arbitrary: hostileText(3).filter(isWellFormed) },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 30 }) },
  { weight: 2, arbitrary: fc.constantFrom('ОДКБ «Взаимодействие-2024»', 'Joint Staff', 'a: b', '2024', '1e5', 'null', 'Null', ' x', 'x ', '') },
);
const tags: fc.Arbitrary<Tags> = fc
  .array(fc.tuple(fc.constantFrom(...FACETS), text), { maxLength: 4 })
  .map((pairs) => {
    const out = emptyTags();
    for (const [facet, label] of pairs) out[facet].push(label);
    return out;
  });

const item: fc.Arbitrary<Item> = fc
  .record({
    title: text,
    text,
    note: text,
    isTitleDerived: fc.boolean(),
    date: fc.constantFrom(null, '2024-09-10', '2024-09', '2024'),
    sources: fc.array(fc.record({ file: text, ext: fc.constantFrom('html', 'txt', ''), url: fc.option(text, { nil: null }), index: fc.nat(40) }), { maxLength: 3 }),
    highlights: fc.array(fc.record({ quote: text, start: fc.nat(100000), comment: text }), { maxLength: 3 }),
    autoTags: tags,
    added: tags,
    rejected: tags,
    status: fc.constantFrom(...ITEM_STATUSES),
  })
  .map((draft) => ({
    id: 'abcdef0123456789',
    title: draft.title,
    isTitleDerived: draft.isTitleDerived,
    date: draft.date,
    datePrecision: draft.date === null ? null : (['year', 'month', 'day'] as const)[draft.date.split('-').length - 1] ?? null,
    lang: 'ru',
    text: draft.text,
    sources: draft.sources.map((source, i) => ({ sha256: `${i}`.repeat(64), file: source.file, ext: source.ext, url: source.url, index: source.index })),
    autoTags: draft.autoTags,
    curator: { added: draft.added, rejected: draft.rejected },
    note: draft.note,
    highlights: draft.highlights.map((h) => ({ quote: h.quote, start: h.start, comment: h.comment })),
    status: draft.status as Item['status'],
    imported: '2026-11-23T12:00:00.000Z',
    updated: '2026-11-23T12:00:00.000Z',
  }));

/** The YAML between the delimiters, as splitFrontMatter cuts it; null when there is no front matter. */
function frontMatterOf(file: string): string | null {
  if (!file.startsWith('---\n')) return null;
  const rest = file.slice(4);
  const close = /^---$/m.exec(rest);
  return close ? rest.slice(0, close.index) : null;
}

function yamlRead(yaml: string): { data: Record<string, unknown> } | { code: string } {
  try {
    return { data: parseYamlMapping(yaml, 'f.md') };
  } catch (error) {
    if (error instanceof ArchiveFileError) return { code: error.code };
    throw error;
  }
}

describe('the fast front-matter reader', () => {
  it('reads every serialized item exactly as the yaml package does, and gives back the item', () => {
    let accepted = 0;
    let runs = 0;
    fc.assert(
      fc.property(item, (original) => {
        const file = serializeItem(original);
        const yaml = frontMatterOf(file) as string;
        const fast = readFastFrontMatter(yaml);
        runs += 1;
        if (fast !== undefined) {
          accepted += 1;
          expect(fast).toStrictEqual(parseYamlMapping(yaml, 'f.md'));
        }
        expect(parseItem(file, 'f.md')).toStrictEqual(original);
      }),
      { numRuns: 400 },
    );
    console.log(`[fast-reader] serialized-items accepted=${accepted}/${runs}`);
    expect(accepted).toBeGreaterThan(runs / 4);
  });

  it('reads a plain archive item without falling back', () => {
    const plain = serializeItem({
      id: '61635935b50a0925', title: 'ОДКБ армянине сидеци в ОДКБ комитет', isTitleDerived: false, date: '2019-01-17',
      datePrecision: 'day', lang: 'ru', text: 'Текст.', note: 'Две строки\nзаметки',
      sources: [{ sha256: 'a'.repeat(64), file: 'bench-7165.txt', ext: 'txt', url: 'https://en.odkb-csto.org/news/1/', index: 0 }],
      autoTags: { ...emptyTags(), state: ['Armenia'], exercise: ['Echelon-2019'] },
      curator: { added: emptyTags(), rejected: { ...emptyTags(), person: ['x'] } },
      highlights: [{ quote: 'q', start: 3, comment: 'c' }], status: 'unread',
      imported: '2019-01-01T00:00:00.000Z', updated: '2019-01-01T00:00:00.000Z',
    });
    const yaml = frontMatterOf(plain) as string;
    expect(readFastFrontMatter(yaml)).toStrictEqual(parseYamlMapping(yaml, 'f.md'));
  });

  it('on any edit of a serialized file reads what the yaml package reads, or declines', () => {
    const piece = fc.oneof(
      fc.constantFrom(...HOSTILE_PIECES, ' ', '  ', '\n', '- ', ': ', '#', '|', '|-', '|+', '|2', '>', '"', "'", '\\', '[]', '{}', '~', '&a ', '*a', '!x '),
      fc.string({ maxLength: 4 }),
    );
    const edit = fc.record({ at: fc.nat(), length: fc.nat(6), insert: piece, kind: fc.constantFrom('insert', 'delete', 'replace', 'dupline', 'indent') });
    let declined = 0;
    let read = 0;
    fc.assert(
      fc.property(item, fc.array(edit, { minLength: 1, maxLength: 3 }), (original, edits) => {
        let yaml = frontMatterOf(serializeItem(original)) as string;
        fc.pre(readFastFrontMatter(yaml) !== undefined); // edits of files the fast reader takes
        for (const { at, length, insert, kind } of edits) yaml = applyEdit(yaml, at % (yaml.length + 1), length, insert, kind);
        const fast = readFastFrontMatter(yaml);
        if (fast === undefined) {
          declined += 1;
          return;
        }
        read += 1;
        expect(yamlRead(yaml)).toStrictEqual({ data: fast });
      }),
      { numRuns: Number(process.env.FAST_READER_RUNS ?? 1000) },
    );
    console.log(`[fast-reader] mutated read=${read} declined=${declined}`);
    expect(read).toBeGreaterThan(0);
  });

  it.each([
    ['a comment', 'title: x # note\n'],
    ['a comment line', '# c\ntitle: x\n'],
    ['an anchor and an alias', 'a: &x y\nb: *x\n'],
    ['a tag', 'title: !!str 1\n'],
    ['a flow sequence', 'list: [a, b]\n'],
    ['a folded scalar', 'title: >\n  a\n  b\n'],
    ['an indentation indicator', 'title: |2\n   a\n'],
    ['a whitespace-only line in a literal', 'title: |\n  a\n   \n  b\n'],
    ['a multi-line double quote', 'title: "a\n  b"\n'],
    ['a duplicate key', 'title: a\ntitle: b\n'],
    ['a YAML 1.1 null', 'note: ~\n'],
    ['a capitalised boolean', 'titleDerived: True\n'],
    ['a float', 'format: 1.5\n'],
    ['a big integer', 'format: 12345678901234567890\n'],
    ['a plain continuation line', 'title: a\n  b\n'],
    ['a tab-indented line', 'tags:\n\tstate: []\n'],
    ['a directive', '%YAML 1.2\ntitle: x\n'],
    ['an escaped closing quote', 'title: "a\\"\n'],
    ['an empty front matter', ''],
    ['a CRLF line end', 'title: x\r\n'],
    ['a key longer than yaml allows', `${'k'.repeat(1100)}: x\n`],
  ])('declines %s (the yaml path reads it)', (_, yaml) => {
    expect(readFastFrontMatter(yaml)).toBeUndefined();
  });

  it('declines the shapes yaml 2.9 mis-writes, so the serializer still checks them with yaml', () => {
    const readable = { lineWidth: 0, minContentWidth: 0, version: '1.2' } as const;
    const isBlankLine = (line: string) => line.length > 0 && line.trim() === '';
    // ' \n' is one yaml 2.9 writes as a literal it then reads back as '\n'.
    expect(parseYamlMapping(YAML.stringify({ title: ' \n' }, readable), 'f.md')).toStrictEqual({ title: '\n' });
    for (const title of ['a\n \nb', 'a\n\t\nb', ' \n']) {
      const yaml = YAML.stringify({ title }, readable);
      expect(yaml.split('\n').some(isBlankLine)).toBe(true); // a literal with a whitespace-only line
      expect(readFastFrontMatter(yaml)).toBeUndefined();
    }
    const multiLine = 'title: "a b c d e f g h i j k l m n o p q r s t u v w x y z\\n\n  \\ next"\n';
    expect(readFastFrontMatter(multiLine)).toBeUndefined();
  });

  it('never takes a sequence written flush with its key, a mapping at a wrong indent or a lone dash', () => {
    for (const yaml of ['tags:\n- a\n', 'tags:\n   state: []\n', 'tags:\n  -\n', 'list:\n  - a\n  -b\n']) {
      expect(readFastFrontMatter(yaml)).toBeUndefined();
    }
  });
});

function applyEdit(yaml: string, at: number, length: number, insert: string, kind: string): string {
  if (kind === 'insert') return yaml.slice(0, at) + insert + yaml.slice(at);
  if (kind === 'delete') return yaml.slice(0, at) + yaml.slice(at + length);
  if (kind === 'replace') return yaml.slice(0, at) + insert + yaml.slice(at + Math.max(1, insert.length));
  const lines = yaml.split('\n');
  const index = at % lines.length;
  if (kind === 'dupline') lines.splice(index, 0, lines[index] ?? '');
  else lines[index] = ` ${lines[index] ?? ''}`;
  return lines.join('\n');
}
