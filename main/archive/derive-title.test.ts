import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DERIVED_TITLE_MAX, deriveTitle } from './derive-title';

describe('derived titles', () => {
  it('takes a short first sentence whole, without its full stop', () => {
    expect(deriveTitle('The CSTO Council met in Minsk. It adopted a statement.')).toBe('The CSTO Council met in Minsk');
  });

  it('does not stop at an initial or a date inside the first sentence', () => {
    expect(deriveTitle('Secretary General I. Tasmagambetov arrived on 09.05.2025 in Moscow. More.')).toBe(
      'Secretary General I. Tasmagambetov arrived on 09.05.2025 in Moscow',
    );
  });

  it('never gives an empty title, even for a lone full stop', () => {
    expect(deriveTitle('.')).toBe('Untitled');
  });

  it('leaves a wire dateline out of the title', () => {
    expect(deriveTitle('МОСКВА, 6 июня. /ТАСС/. Секретарь Совета безопасности России Сергей Шойгу будет участвовать в заседании.')).toBe(
      'Секретарь Совета безопасности России Сергей Шойгу будет участвовать в заседании',
    );
    expect(deriveTitle('МИНСК, 21 авг — Sputnik. Серия учений ОДКБ пройдет на белорусских полигонах.')).toBe(
      'Серия учений ОДКБ пройдет на белорусских полигонах',
    );
    expect(deriveTitle('MOSCOW, August 28 (Itar-Tass) — The chiefs of general staff will gather in the capital.')).toBe(
      'The chiefs of general staff will gather in the capital',
    );
  });

  it('cuts a long opening at a word boundary and marks the cut', () => {
    const title = deriveTitle(`${'Заседание Совета коллективной безопасности '.repeat(5)}состоялось.`);
    expect(title.endsWith('…')).toBe(true);
    expect([...title].length).toBeLessThanOrEqual(DERIVED_TITLE_MAX + 1);
    expect(title.slice(0, -1).endsWith(' ')).toBe(false);
  });

  it('gives a one-line title of bounded length for any text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 400 }), (text) => {
        const title = deriveTitle(text);
        expect(title.length).toBeGreaterThan(0);
        expect(title).not.toMatch(/\n/);
        expect([...title].length).toBeLessThanOrEqual(DERIVED_TITLE_MAX + 1);
      }),
    );
  });
});
