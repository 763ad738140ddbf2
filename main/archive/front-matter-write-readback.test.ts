// The read-back that guards the fast writer: joinFrontMatterFast keeps the fast writer's file only when
// it reads back as the data, and otherwise writes the file the yaml way (the writer is replaced here by
// one that writes what each test gives it).
import { describe, expect, it, vi } from 'vitest';
import { joinFrontMatter, joinFrontMatterFast } from './front-matter';

const fake = vi.hoisted(() => ({ yaml: undefined as string | undefined }));
vi.mock('./front-matter-write', () => ({ writeFastFrontMatter: () => fake.yaml }));

const DATA = { title: 'x', index: 1, url: null, tags: { state: ['a', 'b'], organ: [] }, sources: [{ file: 'f', index: 0 }] };
const GOOD = 'title: x\nindex: 1\nurl: null\ntags:\n  state:\n    - a\n    - b\n  organ: []\nsources:\n  - file: f\n    index: 0\n';

describe('the read-back of the fast writer', () => {
  it.each([
    ['a changed string', GOOD.replace('title: x', 'title: y')],
    ['a number written as a string', GOOD.replace('index: 1', 'index: "1"')],
    ['a null written as a string', GOOD.replace('url: null', 'url: "null"')],
    ['a missing key', GOOD.replace('url: null\n', '')],
    ['an extra key', `${GOOD}extra: 1\n`],
    ['a missing list entry', GOOD.replace('    - b\n', '')],
    ['a list written as a mapping', GOOD.replace('organ: []', 'organ: {}')],
    ['a listed mapping missing a key', GOOD.replace('    index: 0\n', '')],
    ['text that is not YAML', 'title: [\n'],
    ['a closing line inside', 'title: x\n---\n'],
  ])('writes the yaml way when the fast file has %s', (_, yaml) => {
    fake.yaml = yaml;
    expect(joinFrontMatterFast(DATA, 'body')).toBe(joinFrontMatter(DATA, 'body'));
  });

  it('writes the yaml way when the fast writer declines', () => {
    fake.yaml = undefined;
    expect(joinFrontMatterFast(DATA, 'body')).toBe(joinFrontMatter(DATA, 'body'));
  });

  it('keeps the fast file when it reads back as the data', () => {
    // Keys in another order read back as the same data: the read-back compares data, not text.
    fake.yaml = GOOD.replace('title: x\nindex: 1\n', 'index: 1\ntitle: x\n');
    expect(joinFrontMatterFast(DATA, 'body')).toBe(`---\n${fake.yaml}---\n\nbody\n`);
  });
});
