import { describe, expect, it } from 'vitest';
import defaultFile from '../../resources/taxonomy.json';
import { TaxonomyError } from './errors';
import { validateTaxonomyFile } from './validate';

function expectInvalid(value: unknown, message: RegExp): void {
  let error: unknown;
  try {
    validateTaxonomyFile(value);
  } catch (caught) {
    error = caught;
  }
  expect(error).toBeInstanceOf(TaxonomyError);
  expect((error as TaxonomyError).code).toMatch(/^taxonomy-/);
  expect((error as TaxonomyError).message).toMatch(message);
}

const file = (extra: Record<string, unknown>) => ({ format: 'annals-taxonomy', version: 1, ...extra });

describe('validateTaxonomyFile', () => {
  it('accepts the built-in taxonomy', () => {
    expect(validateTaxonomyFile(defaultFile).format).toBe('annals-taxonomy');
  });

  it('accepts a minimal additions file', () => {
    const additions = file({ state: [{ label: 'Serbia', aliases: ['Serbia', 'сербск<adj>'] }] });
    expect(validateTaxonomyFile(additions)).toEqual(additions);
  });

  it.each([
    [null, /must be a JSON object/],
    [[], /must be a JSON object/],
    [{ format: 'other', version: 1 }, /"format" must be "annals-taxonomy"/],
    [{ format: 'annals-taxonomy', version: 2 }, /"version" must be 1 \(found 2\)/],
    [file({ states: [] }), /Unknown top-level field "states"/],
    [file({ state: {} }), /"state" must be an array/],
    [file({ organ: [{ aliases: ['x'] }] }), /organ\[0\]\.label must be a non-empty string/],
    [file({ state: [{ label: 'Serbia' }] }), /state\[0\] \("Serbia"\)\.aliases must be an array/],
    [file({ state: [{ label: 'Serbia', aliases: [] }] }), /aliases must not be empty/],
    [file({ state: [{ label: 'Serbia', aliases: ['ok', 3] }] }), /aliases\[1\] must be a non-empty string/],
    [file({ state: [{ label: 'Serbia', aliases: ['Serbi{a|an'] }] }), /aliases\[0\].*unbalanced "\{"/],
    [file({ state: [{ label: 'Serbia', aliases: ['Serbi<adj'] }] }), /aliases\[0\].*"<" without ">"/],
    [file({ state: [{ label: 'Serbia', aliases: ['Serbia|Serb'] }] }), /stray "\|"/],
    [file({ state: [{ label: 'Serbia', aliases: ['Serbia'], colour: 'red' }] }), /unknown field "colour"/],
    [file({ state: [{ label: 'A', aliases: ['a'] }, { label: 'A', aliases: ['b'] }] }), /"A" appears twice/],
    [file({ exercise: [{ label: 'Storm', aliases: ['Storm'], bare: 'sometimes' }] }), /bare must be one of never, quoted/],
    [file({ state: [{ label: 'Serbia', aliases: ['Serbia'], bare: 'quoted' }] }), /"bare" applies to exercises only/],
    [file({ exercise: [{ label: 'Storm-2024', aliases: ['Storm'] }] }), /series name without a year/],
    [file({ endings: { adj: 'ий' } }), /Ending set "adj" must be an array/],
    [file({ endings: { 'a b': [] } }), /Ending set name "a b"/],
    [file({ exerciseContext: 'exercise' }), /exerciseContext must be an array/],
  ])('rejects %j with a message naming the problem', (value, message) => {
    expectInvalid(value, message);
  });
});
