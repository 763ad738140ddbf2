// Front matter against hostile input: the YAML reader executes nothing (`---js`, `!!js/function`,
// custom tags), refuses alias bombs quickly, cannot be polluted through `__proto__`, and an item with
// hostile strings in every field round-trips exactly through its file.
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { HOSTILE_PIECES, hostileText } from '../../shared/ingest/hostile-pieces';
import { emptyTags, type Item } from '../../shared/model';
import { ArchiveFileError, joinFrontMatter, splitFrontMatter } from './front-matter';
import { parseItem, serializeItem } from './item-file';

declare global {
  // eslint-disable-next-line no-var
  var __annalsYamlRan: unknown;
}

function codeOf(run: () => unknown): string | null {
  try {
    run();
    return null;
  } catch (error) {
    return error instanceof ArchiveFileError ? error.code : 'uncaught';
  }
}

/** True when `value` holds anything but plain data (a function, a class instance other than Array/Object/Buffer). */
function holdsCode(value: unknown): boolean {
  if (typeof value === 'function') return true;
  if (value === null || typeof value !== 'object') return false;
  if (value instanceof Uint8Array || value instanceof Set || value instanceof Map) return false;
  return Object.values(value).some(holdsCode);
}

const PAYLOAD = 'globalThis.__annalsYamlRan = true';

describe('the YAML reader executes nothing', () => {
  it('refuses a ---js front matter without running it', () => {
    const file = `---js\n(function () { ${PAYLOAD}; return { title: 'x' }; })()\n---\n\nbody`;
    expect(codeOf(() => splitFrontMatter(file, 'item.md'))).toBe('no-front-matter');
    expect(globalThis.__annalsYamlRan).toBeUndefined();
  });

  it.each([
    ['!!js/function', `title: !!js/function "function () { ${PAYLOAD} }"`],
    ['!!js/regexp', 'title: !!js/regexp /(a+)+$/'],
    ['!!js/undefined', 'title: !!js/undefined ""'],
    ['a verbatim js tag', `title: !<tag:yaml.org,2002:js/function> "${PAYLOAD}"`],
    ['a custom local tag', `title: !run "${PAYLOAD}"`],
    ['a custom tag on a mapping', `title: !python/object:os.system {cmd: "touch /tmp/x"}`],
  ])('reads %s as plain data (or refuses it), never as code', (_, yaml) => {
    const outcome = (() => {
      try {
        return splitFrontMatter(`---\n${yaml}\n---\n\nbody`, 'item.md').data;
      } catch (error) {
        return error;
      }
    })();
    if (outcome instanceof Error) expect(outcome).toBeInstanceOf(ArchiveFileError);
    else expect(holdsCode(outcome)).toBe(false);
    expect(globalThis.__annalsYamlRan).toBeUndefined();
  });

  it('refuses any tag by name, even the known !!binary and !!set, and prints nothing to the log', () => {
    const printed = vi.spyOn(process, 'emitWarning');
    const stderr = vi.spyOn(process.stderr, 'write');
    const warn = vi.spyOn(console, 'warn');
    const tagged = ['title: !!binary aGVsbG8=', 'title: !!set {a: null}', 'title: !unknown x', `title: !!js/function "${PAYLOAD}"`];
    for (const yaml of Array.from({ length: 50 }, (_, i) => tagged[i % tagged.length] as string)) {
      expect(codeOf(() => splitFrontMatter(`---\n${yaml}\n---\n\nbody`, 'items/2020/x.md'))).toBe('bad-yaml');
    }
    expect([printed.mock.calls.length, stderr.mock.calls.length, warn.mock.calls.length]).toEqual([0, 0, 0]);
    vi.restoreAllMocks();
  });

  it('keeps a __proto__ key as data: no prototype pollution', () => {
    const { data } = splitFrontMatter('---\n__proto__: {polluted: true}\ntitle: x\n---\n\nbody', 'item.md');
    expect(Object.getPrototypeOf(data)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(data.title).toBe('x');
  });
});

describe('alias bombs', () => {
  const laughs = (levels: number) =>
    [
      'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]',
      ...Array.from({ length: levels }, (_, i) => {
        const name = String.fromCharCode(98 + i);
        return `${name}: &${name} [${Array(9).fill(`*${String.fromCharCode(97 + i)}`).join(',')}]`;
      }),
    ].join('\n');

  it('refuses a billion-laughs block quickly, naming the file', () => {
    const started = performance.now();
    const code = codeOf(() => splitFrontMatter(`---\n${laughs(8)}\n---\n\nbody`, 'bomb.md'));
    const ms = performance.now() - started;
    console.log(`[hostile] billion-laughs front matter refused in ${ms.toFixed(1)} ms`);
    expect(code).toBe('bad-yaml');
    expect(ms).toBeLessThan(1000);
    expect(() => splitFrontMatter(`---\n${laughs(8)}\n---\n\nbody`, 'bomb.md')).toThrow(/^bomb\.md: .*alias/);
  });

  it('refuses many aliases to one anchor (quadratic expansion), whatever their shape', () => {
    fc.assert(
      fc.property(fc.integer({ min: 11, max: 400 }), (count) => {
        const yaml = `a: &a [x, y, z]\nb: [${Array(count).fill('*a').join(', ')}]`;
        expect(codeOf(() => splitFrontMatter(`---\n${yaml}\n---\n\nbody`, 'f.md'))).toBe('bad-yaml');
      }),
      { numRuns: 50 },
    );
  });
});

const hostile = hostileText(12);
// Strings with lone surrogates cannot be written as UTF-8 at all; the archive only ever holds
// well-formed text (files are decoded), so the generators keep to it.
const isWellFormed = (text: string) => !/\p{Surrogate}/u.test(text);
const wellFormed = hostile.filter(isWellFormed);

const hostileItem: fc.Arbitrary<Item> = fc
  .record({
    title: wellFormed,
    text: wellFormed,
    note: wellFormed,
    quote: wellFormed,
    comment: wellFormed,
    file: wellFormed,
    url: fc.option(wellFormed, { nil: null }),
    label: wellFormed,
    isTitleDerived: fc.boolean(),
  })
  .map((draft) => ({
    id: 'abcdef0123456789',
    title: draft.title,
    isTitleDerived: draft.isTitleDerived,
    date: '2024-09-10',
    datePrecision: 'day',
    lang: 'ru',
    text: draft.text,
    sources: [{ sha256: 'c'.repeat(64), file: draft.file, ext: 'html', url: draft.url, index: 0 }],
    autoTags: { ...emptyTags(), state: [draft.label], exercise: [draft.title] },
    curator: { added: { ...emptyTags(), person: [draft.label] }, rejected: { ...emptyTags(), organ: [draft.comment] } },
    note: draft.note,
    highlights: [{ quote: draft.quote, start: 0, comment: draft.comment }],
    status: 'unread',
    imported: '2026-11-23T12:00:00.000Z',
    updated: '2026-11-23T12:00:00.000Z',
  }));

describe('item files with hostile strings', () => {
  it('round-trip exactly: parse(serialize(item)) deep-equals the item', () => {
    fc.assert(
      fc.property(hostileItem, (item) => {
        const file = serializeItem(item);
        expect(parseItem(file, 'item.md')).toStrictEqual(item);
      }),
      { numRuns: 400 },
    );
  });

  it('never let a field open or close a front-matter block: the only "---" lines are the two delimiters', () => {
    fc.assert(
      fc.property(hostileItem, (item) => {
        const file = serializeItem(item);
        const head = file.slice(0, file.length - item.text.length - 1);
        expect(head.split('\n').filter((line) => line === '---')).toHaveLength(2);
        expect(file.startsWith('---\n')).toBe(true);
      }),
      { numRuns: 400 },
    );
  });

  it('round-trips every single hostile piece as a title, a note and a body', () => {
    for (const piece of HOSTILE_PIECES.filter(isWellFormed)) {
      const data = { title: piece, note: piece, list: [piece] };
      expect(splitFrontMatter(joinFrontMatter(data, piece), 'piece.md')).toStrictEqual({ data, body: piece });
    }
  });
});
