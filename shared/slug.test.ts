import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { slugify, utf8Length } from './slug';

const hostilePieces = ['..', '/', '\\', '\u0000', 'CON', 'aux.txt', '\u202e', '\u200b', '---', ': ', '\n', 'Организация', '🚀', ' ', '.', 'Nul', 'lpt1', '#', '*'];

describe('slugify', () => {
  it('keeps Cyrillic words and folds ё', () => {
    expect(slugify('Учение «Взаимодействие-2024» началось, ёлки!')).toBe('учение-взаимодействие-2024-началось-елки');
  });

  it('never returns an empty or reserved name', () => {
    expect(slugify('..')).toBe('item');
    expect(slugify('CON')).toBe('con-item');
    expect(slugify('aux.txt')).toBe('aux-txt');
    expect(slugify('', 'untitled')).toBe('untitled');
  });

  it('makes safe names from any mix of hostile pieces', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.constantFrom(...hostilePieces), fc.string()), { maxLength: 40 }), (pieces) => {
        const slug = slugify(pieces.join(''));
        expect(slug.length).toBeGreaterThan(0);
        expect(utf8Length(slug)).toBeLessThanOrEqual(120);
        expect(slug).toMatch(/^[\p{L}\p{N}][\p{L}\p{N}-]*$/u);
        expect(slug).not.toMatch(/^(con|prn|aux|nul|com\d|lpt\d)$/i);
      }),
      { numRuns: 2000 },
    );
  });
});
