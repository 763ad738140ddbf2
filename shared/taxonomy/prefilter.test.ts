import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadDefaultTaxonomy, tagText } from '../taxonomy';
import { aliasNeedle } from './alias-pattern';
import type { CompiledTaxonomy } from './types';

/** The same taxonomy with the prefilter switched off: every regex always runs. */
function withoutNeedles(taxonomy: CompiledTaxonomy): CompiledTaxonomy {
  const names = Object.fromEntries(
    Object.entries(taxonomy.names).map(([facet, entries]) => [facet, entries.map((e) => ({ ...e, needles: null }))]),
  ) as CompiledTaxonomy['names'];
  return { ...taxonomy, names, series: taxonomy.series.map((s) => ({ ...s, needles: null })) };
}

describe('the needle prefilter of the tagger', () => {
  it('takes the literal start of an alias, lower-cased and with ё folded', () => {
    expect(aliasNeedle('Армени<ya>')).toBe('армени');
    expect(aliasNeedle('Committee of Secretaries')).toBe('committee');
    expect(aliasNeedle('Наёмник<name_m>')).toBe('наемник');
    expect(aliasNeedle('{UN|CIS} Secretariat')).toBeNull();
  });

  it('never changes the tags: same result as running every regex', () => {
    const taxonomy = loadDefaultTaxonomy();
    const plain = withoutNeedles(taxonomy);
    const pieces = fc.constantFrom(
      'ARMENIA', 'армянской', 'Belarusian', 'РФ', 'рф', 'КССБ', 'Committee of Secretaries of Security Council', 'СМО ОДКБ',
      'Наёмник-2021', '«Канал – Ловушка»', 'operation', 'учения', '"PROXY operation"', 'Vzaimodeistviye 2020', 'Секретариат ОДКБ',
      'the UN Secretariat', 'Tasmagambetov', 'Тасмагамбетова', ' ', '\n', '. ', ', ', '-', 'Interaction', 'Kazakh-Kyrgyz',
    );
    fc.assert(
      fc.property(fc.array(pieces, { maxLength: 20 }).map((a) => a.join(' ')), (text) => {
        expect(tagText(text, taxonomy)).toEqual(tagText(text, plain));
      }),
      { numRuns: 300 },
    );
  });
});
