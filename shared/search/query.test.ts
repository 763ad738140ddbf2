import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseQuery, printQuery } from './query';
import type { QueryNode } from './query';

function parsed(input: string): QueryNode {
  const result = parseQuery(input);
  if (!result.ok) throw new Error(`${result.error.code} at ${result.error.position}`);
  return result.query;
}

const word = (value: string): QueryNode => ({ type: 'word', value });

describe('parseQuery', () => {
  it('reads juxtaposed words as all required', () => {
    expect(parsed('учения  Armenia')).toEqual({ type: 'and', children: [word('учения'), word('Armenia')] });
    expect(parsed('   ')).toEqual({ type: 'all' });
  });

  it('binds OR tighter than juxtaposition and accepts ИЛИ', () => {
    expect(parsed('a b OR c ИЛИ d')).toEqual({
      type: 'and',
      children: [word('a'), { type: 'or', children: [word('b'), word('c'), word('d')] }],
    });
  });

  it('reads -word, NOT word and НЕ word as exclusions, and AND as a no-op', () => {
    const expected = { type: 'and', children: [word('a'), { type: 'not', child: word('b') }] };
    for (const input of ['a -b', 'a NOT b', 'a AND НЕ b']) expect(parsed(input)).toEqual(expected);
    expect(parsed('a-b')).toEqual(word('a-b'));
  });

  it('reads phrases, groups and quoted filter values', () => {
    expect(parsed('-(x OR "Joint  Staff") organ:"Joint Staff"')).toEqual({
      type: 'and',
      children: [
        { type: 'not', child: { type: 'or', children: [word('x'), { type: 'phrase', value: 'Joint Staff' }] } },
        { type: 'filter', filter: { key: 'organ', value: 'Joint Staff' } },
      ],
    });
  });

  it('turns year, date, before and after into inclusive date ranges', () => {
    const range = (input: string): unknown => (parsed(input) as { filter: unknown }).filter;
    expect(range('year:2024')).toEqual({ key: 'date', from: '2024', to: '2024' });
    expect(range('DATE:2021-01..2021-06')).toEqual({ key: 'date', from: '2021-01', to: '2021-06' });
    expect(range('date:2021..')).toEqual({ key: 'date', from: '2021', to: null });
    expect(range('date:..2021-06-30')).toEqual({ key: 'date', from: null, to: '2021-06-30' });
    expect(range('before:2021-06')).toEqual({ key: 'date', from: null, to: '2021-06' });
    expect(range('after:2020')).toEqual({ key: 'date', from: '2020', to: null });
  });

  it('reads has:, status: and lang: values case-insensitively', () => {
    expect(parsed('HAS:Note status:STARRED lang:RU')).toEqual({
      type: 'and',
      children: [
        { type: 'filter', filter: { key: 'has', value: 'note' } },
        { type: 'filter', filter: { key: 'status', value: 'starred' } },
        { type: 'filter', filter: { key: 'lang', value: 'ru' } },
      ],
    });
  });

  it('tolerates what is still being typed', () => {
    expect(parsed('"Joint Sta')).toEqual({ type: 'phrase', value: 'Joint Sta' });
    expect(parsed('(a OR b')).toEqual({ type: 'or', children: [word('a'), word('b')] });
    expect(parsed('a OR')).toEqual(word('a'));
    expect(parsed('a NOT')).toEqual(word('a'));
    expect(parsed('a -')).toEqual(word('a'));
    expect(parsed('a state:')).toEqual(word('a'));
    expect(parsed('a ()')).toEqual(word('a'));
    expect(parsed('http://x note:y')).toEqual({ type: 'and', children: [word('http://x'), word('note:y')] });
  });

  const errors: [string, string, number][] = [
    ['a ) b', 'unbalanced-paren', 2],
    ['OR a', 'dangling-operator', 0],
    ['a OR OR b', 'dangling-operator', 2],
    ['NOT OR a', 'dangling-operator', 0],
    ['x date:2021-13', 'invalid-date', 7],
    ['date:2021-02-30', 'invalid-date', 5],
    ['date:2022..2021', 'invalid-date-range', 5],
    ['date:2021..2022..2023', 'invalid-date', 5],
    ['year:21', 'invalid-year', 5],
    ['has:"some thing"', 'unknown-has', 5],
    ['status:read', 'unknown-status', 7],
    ['lang:de', 'unknown-lang', 5],
  ];
  it.each(errors)('reports %j as %s at %i', (input, code, position) => {
    expect(parseQuery(input)).toEqual({ ok: false, error: { code, position, message: expect.any(String) } });
  });
});

describe('docs/query-language.md', () => {
  const doc = readFileSync(new URL('../../docs/query-language.md', import.meta.url), 'utf8');

  it('parses every example query of the documentation', () => {
    const block = /## More examples\n\n```\n([\s\S]*?)```/.exec(doc)?.[1] ?? '';
    const examples = block.split('\n').map((line) => line.split(/\s{3,}/)[0]?.trim() ?? '').filter(Boolean);
    expect(examples.length).toBeGreaterThan(5);
    for (const example of examples) expect(parseQuery(example).ok, example).toBe(true);
  });

  it('documents every error code with an example that raises it', () => {
    const rows = [...doc.matchAll(/^\| `([a-z-]+)` \| (.+) \|$/gm)];
    expect(rows.length).toBe(8);
    for (const [, code, examples] of rows) {
      for (const [, example] of (examples ?? '').matchAll(/`([^`]+)`/g)) {
        expect(parseQuery(example ?? ''), example).toMatchObject({ ok: false, error: { code } });
      }
    }
  });
});

const piece = fc.oneof(
  fc.constantFrom('OR', 'AND', 'NOT', 'ИЛИ', 'НЕ', '-', '(', ')', '"', ' ', '  ', ':', '..', '-(', '")'),
  fc.constantFrom('учения', 'Armenia', 'ёлка', 'a-b', 'x:y', 'Joint Staff', 'Тасмагамбетов', '2024'),
  fc.constantFrom('state:', 'organ:', 'exercise:', 'person:', 'tag:', 'in:', 'year:', 'date:', 'before:'),
  fc.constantFrom('after:', 'has:', 'status:', 'lang:', 'STATE:', 'has:note', 'status:starred', 'lang:ru'),
  fc.constantFrom('2021', '2021-06', '2021-06-31', '2021..', '..2021-06', '2020..2021', 'tags', 'highlights'),
  fc.string({ maxLength: 4 }),
);
const queryText = fc.oneof(fc.array(piece, { maxLength: 12 }).map((parts) => parts.join('')), fc.string(), fc.string({ unit: 'grapheme' }));

describe('parseQuery properties', () => {
  it('never throws: any string gives an AST or a typed error inside the input', () => {
    fc.assert(
      fc.property(queryText, (input) => {
        const result = parseQuery(input);
        if (!result.ok) {
          expect(result.error.code).toMatch(/^[a-z-]+$/);
          expect(result.error.position).toBeGreaterThanOrEqual(0);
          expect(result.error.position).toBeLessThanOrEqual(input.length);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('parses a printed AST back to the same AST', () => {
    fc.assert(
      fc.property(queryText, (input) => {
        const result = parseQuery(input);
        if (!result.ok) return;
        expect(parseQuery(printQuery(result.query))).toEqual(result);
      }),
      { numRuns: 2000 },
    );
  });
});
