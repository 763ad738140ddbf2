import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MIN_OPENING_LENGTH, isOpeningOf, normalizeForDedupe, openingKey } from './dedupe';

const ARTICLE =
  'Сегодня в Кыргызской Республике на полигоне «Эдельвейс» состоялась церемония открытия командно-штабного ' +
  'учения с Коллективными силами оперативного реагирования ОДКБ «Взаимодействие-2024». В учении участвуют ' +
  'контингенты Армении, Беларуси, Казахстана, Кыргызстана, России и Таджикистана.';

describe('normalizeForDedupe', () => {
  it('folds case, ё, quotes, dashes, no-break spaces and a trailing ellipsis', () => {
    expect(normalizeForDedupe('  «Ёлка» —\u00a0Test  “x”…')).toBe('елка - test x');
    expect(normalizeForDedupe('Read this. Read more')).toBe('read this.');
  });

  it('is idempotent', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (text) => {
        const once = normalizeForDedupe(text);
        expect(normalizeForDedupe(once)).toBe(once);
      }),
    );
  });
});

describe('isOpeningOf', () => {
  it('finds a teaser cut mid-word with an ellipsis at the start of its article', () => {
    const teaser = `${ARTICLE.slice(0, ARTICLE.indexOf('«Взаимо') + 7)}…`;
    expect(isOpeningOf(teaser, ARTICLE)).toBe(true);
  });

  it('tolerates different quotes, dashes and line breaks between teaser and article', () => {
    const teaser = ARTICLE.slice(0, 150).replace(/«|»/g, '"').replace(/ /g, '\n').replace('-', '–');
    expect(isOpeningOf(teaser, ARTICLE)).toBe(true);
  });

  it('does not merge a short opening shared by unrelated releases', () => {
    const short = 'The CSTO Secretary General met with';
    expect(short.length).toBeLessThan(MIN_OPENING_LENGTH);
    expect(isOpeningOf(short, `${short} the Minister of Defence of Armenia on the exercise.`)).toBe(false);
  });

  it('does not treat a text as the opening of itself, nor the article as the opening of its teaser', () => {
    expect(isOpeningOf(ARTICLE, ARTICLE)).toBe(false);
    expect(isOpeningOf(ARTICLE, ARTICLE.slice(0, 120))).toBe(false);
  });

  it('rejects a teaser that differs from the article anywhere in its opening', () => {
    const teaser = ARTICLE.slice(0, 150).replace('Эдельвейс', 'Эдельвеис');
    expect(isOpeningOf(teaser, ARTICLE)).toBe(false);
  });

  it('holds for every long enough prefix of any article, and meets it under one opening key', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'grapheme', minLength: 200, maxLength: 400 }),
        fc.integer({ min: 0, max: 1000 }),
        (text, cut) => {
          const article = `${'x'.repeat(MIN_OPENING_LENGTH)} ${text} end`;
          const teaser = article.slice(0, MIN_OPENING_LENGTH + 1 + (cut % text.length));
          if (normalizeForDedupe(teaser).length >= normalizeForDedupe(article).length) return;
          if (!normalizeForDedupe(article).startsWith(normalizeForDedupe(teaser))) return; // cut inside a folded sequence
          expect(isOpeningOf(teaser, article)).toBe(true);
          expect(openingKey(teaser)).toBe(openingKey(article));
        },
      ),
    );
  });
});
