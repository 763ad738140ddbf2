import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import YAML from 'yaml';
import { renderFrontMatter } from './front-matter';

function parseBlock(block: string): unknown {
  const lines = block.split('\n');
  expect(lines[0]).toBe('---');
  expect(lines.at(-1)).toBe('---');
  // Nothing inside may look like a document marker, or the block would end early.
  expect(lines.slice(1, -1).filter((line) => /^(---|\.\.\.)(\s|$)/.test(line))).toEqual([]);
  return YAML.parse(lines.slice(1, -1).join('\n'));
}

describe('renderFrontMatter', () => {
  it('round-trips any string, including whitespace-only lines that yaml block scalars lose', () => {
    const hostile = fc.array(fc.oneof(fc.constantFrom(' ', '\n', '\t', '---', '...', ': ', '#', '"', "'", '|', '>', '&a', '*a', '!tag', '%YAML', '\u202e', 'Москва', '🎉'), fc.string({ unit: 'binary', maxLength: 5 })), { maxLength: 12 }).map((parts) => parts.join(''));
    fc.assert(
      fc.property(hostile, fc.array(hostile, { maxLength: 3 }), (title, list) => {
        expect(parseBlock(renderFrontMatter({ title, list }))).toEqual({ title, list });
      }),
      { numRuns: 250 },
    );
    // The last two: yaml 2.9's multi-line double quotes write the space after a blank line as a backslash.
    for (const title of [' \n\n', '  \n  ', 'lone \ud800 surrogate', '---js\nalert(1)\n---', '\u0000\u0085\u2028', '[x](javascript:alert(1))\n\n \n```word', 'a\n\n \nb']) {
      expect(parseBlock(renderFrontMatter({ title }))).toEqual({ title });
    }
  });

  it('leaves out keys whose value is undefined and keeps null ones', () => {
    expect(parseBlock(renderFrontMatter({ a: undefined, b: null, c: 1 }))).toEqual({ b: null, c: 1 });
  });
});
