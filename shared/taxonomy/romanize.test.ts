import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { romanizeNamePart } from './romanize';

describe('giving the Russian part of an exercise name its English form', () => {
  it('translates compass adjectives and transliterates the rest', () => {
    expect(romanizeNamePart('Западная Двина')).toBe('Western Dvina');
    expect(romanizeNamePart('Авангард')).toBe('Avangard');
    expect(romanizeNamePart('Щит Юга')).toBe('Shchit Yuga');
  });

  it('keeps a part already written in Latin letters', () => {
    expect(romanizeNamePart('Trap')).toBe('Trap');
  });

  it('never leaves a Cyrillic letter behind', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[А-Яа-яЁё -]{0,30}$/u), (part) => {
        expect(romanizeNamePart(part)).not.toMatch(/\p{Script=Cyrillic}/u);
      }),
    );
  });
});
