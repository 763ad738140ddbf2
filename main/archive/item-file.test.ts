import fc from 'fast-check';
import YAML from 'yaml';
import { describe, expect, it } from 'vitest';
import { type Item, emptyTags } from '../../shared/model';
import { parseCollection, serializeCollection } from './collection-file';
import { ArchiveFileError } from './front-matter';
import { parseItem, serializeItem } from './item-file';

const HOSTILE_PIECES = [
  '---',
  '\n---\n',
  '---\n',
  ': ',
  '- ',
  '#',
  '# heading',
  '"',
  "'",
  '`',
  '\n',
  '\n\n',
  '\r\n',
  '\t',
  ' ',
  '  ',
  '\u202e',
  '\u200f',
  '\u0000',
  '\ufeff',
  '&a *a',
  '!!js/function',
  '|',
  '>-',
  '{x: 1}',
  '[1, 2]',
  'null',
  'yes',
  '2024-01-01',
  '0x1F',
  '...',
  '%YAML 1.1',
  'Ёж ',
  'ОДКБ «Взаимодействие-2024»',
  'x'.repeat(10),
  'Сообщение '.repeat(30),
];

/** Strings built from pieces that break naive front matter (a uniform generator rarely finds them). */
const hostileText = fc
  .array(fc.oneof(fc.constantFrom(...HOSTILE_PIECES), fc.string({ unit: 'grapheme', maxLength: 8 })), { maxLength: 12 })
  .map((parts) => parts.join(''));

function sampleItem(overrides: Partial<Item> = {}): Item {
  return {
    id: 'a1b2c3d4e5f60718',
    title: 'CSTO exercise',
    isTitleDerived: false,
    date: '2024-09-10',
    datePrecision: 'day',
    lang: 'en',
    text: 'First paragraph.\n\nSecond paragraph.',
    sources: [{ sha256: 'ab'.repeat(32), file: 'page.txt', ext: 'txt', url: null, index: 0 }],
    autoTags: { ...emptyTags(), state: ['Armenia'], exercise: ['Interaction-2024'] },
    curator: { added: { ...emptyTags(), organ: ['Joint Staff'] }, rejected: { ...emptyTags(), state: ['Belarus'] } },
    note: '',
    highlights: [],
    status: 'unread',
    imported: '2026-01-01T00:00:00.000Z',
    updated: '2026-01-01T00:00:00.000Z',
    ...overrides,
  };
}

function errorOf(action: () => unknown): ArchiveFileError {
  try {
    action();
  } catch (error) {
    if (error instanceof ArchiveFileError) return error;
    throw error;
  }
  throw new Error('expected an ArchiveFileError');
}

describe('item files', () => {
  it('round-trips items with hostile titles, texts, notes and highlights exactly', () => {
    fc.assert(
      fc.property(hostileText, hostileText, hostileText, hostileText, fc.boolean(), (title, text, note, comment, derived) => {
        const item = sampleItem({
          title,
          text,
          note,
          isTitleDerived: derived,
          highlights: [{ quote: title, start: 3, comment }],
          sources: [{ sha256: 'cd'.repeat(32), file: note, ext: 'md', url: comment || null, index: 2 }],
        });
        const file = serializeItem(item);
        expect(file.startsWith('---\n')).toBe(true);
        expect(parseItem(file, 'x.md')).toEqual(item);
      }),
      { numRuns: 600 },
    );
  });

  it('round-trips the strings yaml 2.9 mis-writes (whitespace-only lines, escaped spaces at line breaks)', () => {
    for (const note of [' \n', '  \n\n', '2024-01-01---\r\n \n\n x ', ' ---', 'a\n---\nb']) {
      const item = sampleItem({ note, highlights: [{ quote: 'First', start: 0, comment: note }] });
      expect(parseItem(serializeItem(item), 'x.md')).toEqual(item);
    }
  });

  it('round-trips a 300-character Cyrillic title and an undated item', () => {
    const item = sampleItem({ title: 'Заседание '.repeat(30), date: null, datePrecision: null, lang: 'ru' });
    expect(parseItem(serializeItem(item), 'x.md')).toEqual(item);
  });

  it('writes front matter that any YAML reader parses, with the text as the body', () => {
    const file = serializeItem(sampleItem({ title: '--- : # "x"' }));
    const [, yaml, body] = file.split(/^---$/m);
    expect(YAML.parse(yaml ?? '')).toMatchObject({ id: 'a1b2c3d4e5f60718', title: '--- : # "x"', format: 1 });
    expect(body).toBe('\n\nFirst paragraph.\n\nSecond paragraph.\n');
  });

  it('rejects a file that does not start with exactly "---\\n"', () => {
    const file = serializeItem(sampleItem());
    for (const bad of [` ${file}`, file.replace('---\n', '---js\n'), file.replace('---\n', '---\r\n'), '\ufeff' + file]) {
      expect(errorOf(() => parseItem(bad, 'items/bad.md')).code).toBe('no-front-matter');
    }
  });

  it('names the file and the field when a field is wrong', () => {
    const file = serializeItem(sampleItem()).replace('lang: en', 'lang: fr');
    const error = errorOf(() => parseItem(file, 'items/2024/x.md'));
    expect(error.code).toBe('bad-field');
    expect(error.message).toContain('items/2024/x.md');
    expect(error.message).toContain('"lang"');
  });

  it('rejects a date that does not fit its precision', () => {
    const file = serializeItem(sampleItem()).replace('date: 2024-09-10', 'date: 2024-13-10');
    expect(errorOf(() => parseItem(file, 'x.md')).message).toContain('"date"');
  });

  it('refuses an alias bomb instead of expanding it', () => {
    const bomb = ['a: &a ["x","x","x","x","x","x","x","x","x"]'];
    for (let i = 0; i < 8; i++) bomb.push(`${'bcdefghi'[i]}: &${'bcdefghi'[i]} [*${'abcdefgh'[i]},*${'abcdefgh'[i]},*${'abcdefgh'[i]}]`);
    const error = errorOf(() => parseItem(`---\n${bomb.join('\n')}\n---\n\ntext\n`, 'bomb.md'));
    expect(error.code).toBe('bad-yaml');
  });

  it('refuses a format newer than it understands', () => {
    const file = serializeItem(sampleItem()).replace('format: 1', 'format: 99');
    expect(errorOf(() => parseItem(file, 'x.md')).code).toBe('unsupported-version');
  });

  it('rejects duplicate keys in front matter', () => {
    const file = serializeItem(sampleItem()).replace('lang: en', 'lang: en\nlang: ru');
    expect(errorOf(() => parseItem(file, 'x.md')).code).toBe('bad-yaml');
  });
});

describe('collection files', () => {
  it('round-trips collections with hostile titles, intros and entry notes exactly', () => {
    fc.assert(
      fc.property(hostileText, hostileText, fc.array(hostileText, { maxLength: 4 }), (title, intro, notes) => {
        const collection = {
          slug: 'my-collection',
          title,
          intro,
          entries: notes.map((note, i) => ({ id: `${i}`.padStart(16, '0'), note })),
          created: '2026-01-01T00:00:00.000Z',
          updated: '2026-01-02T00:00:00.000Z',
        };
        expect(parseCollection(serializeCollection(collection), 'c.md', 'my-collection')).toEqual(collection);
      }),
      { numRuns: 600 },
    );
  });
});
