// Property tests: any alias form placed in neutral text is found; neutral text never tags; tagText never throws.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import defaultFile from '../../resources/taxonomy.json';
import { FACETS } from '../model';
import { listLabels, loadDefaultTaxonomy, tagText } from '../taxonomy';
import type { TaxonomyEntry, TaxonomyFile } from './types';

const taxonomy = loadDefaultTaxonomy();
const file = defaultFile as unknown as TaxonomyFile;

/** Words that name nothing in the taxonomy, near misses included (cities, regions, "армия", "interaction"). */
const NEUTRAL = [
  'the', 'of', 'and', 'meeting', 'held', 'delegation', 'security', 'cooperation', 'Moscow', 'Astana', 'Dushanbe',
  'Chisinau', 'Tashkent', 'Almaty', 'Central', 'Asian', 'Eurasian', 'Caucasian', 'post-Soviet', 'member', 'states',
  'CIS', 'Secretary', 'General', 'press', 'service', 'forces', 'UN', 'Council', 'interaction', 'search', 'channel',
  'rock', 'Lebanon', 'Turkish', 'USA', 'армия', 'встреча', 'прошла', 'в', 'Москве', 'стороны', 'безопасность',
  'сотрудничество', 'регион', 'центральноазиатский', 'Минске', 'Ереване', 'генеральный', 'секретарь', 'пресс-служба',
  'взаимодействие', 'поиск', 'канал', 'граница', '2024', '«', '»', '"', ',', '.', '–', '-', '\n', 'Kazan', 'Irani',
];

const neutralText = fc.array(fc.constantFrom(...NEUTRAL), { maxLength: 30 }).map((words) => words.join(' '));

/** Every concrete form an alias pattern stands for ({a|b} alternatives, <set> endings). */
function expandAlias(alias: string, endings: Record<string, string[]>): string[] {
  const m = /\{([^{}]*)\}|<([^<>]*)>/.exec(alias);
  if (!m) return [alias];
  const options = m[1] !== undefined ? m[1].split('|') : (endings[m[2] as string] ?? []);
  return options.flatMap((option) =>
    expandAlias(alias.slice(0, m.index) + option + alias.slice(m.index + m[0].length), endings),
  );
}

function listForms(entries: TaxonomyEntry[] | undefined): [string, string][] {
  return (entries ?? []).flatMap((entry) =>
    entry.aliases.flatMap((alias) => expandAlias(alias, file.endings ?? {}).map((form): [string, string] => [entry.label, form])),
  );
}

const nameForms = {
  state: listForms(file.state),
  organ: listForms(file.organ),
  person: listForms(file.person),
};

describe('tagging properties', () => {
  it('never throws and only returns known labels, each once', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (text) => {
        const tags = tagText(text, taxonomy);
        for (const facet of FACETS) expect(new Set(tags[facet]).size).toBe(tags[facet].length);
        for (const facet of ['state', 'organ', 'person'] as const) {
          const known = listLabels(taxonomy, facet);
          for (const label of tags[facet]) expect(known).toContain(label);
        }
      }),
    );
  });

  it('tags nothing in text made only of neutral words', () => {
    fc.assert(
      fc.property(neutralText, (text) => {
        expect(tagText(text, taxonomy)).toEqual({ state: [], organ: [], exercise: [], person: [] });
      }),
    );
  });

  for (const facet of ['state', 'organ', 'person'] as const) {
    it(`finds every ${facet} alias form placed in neutral text, whatever its case when written in lowercase`, () => {
      fc.assert(
        fc.property(neutralText, neutralText, fc.constantFrom(...nameForms[facet]), fc.boolean(), (before, after, [label, form], isUpper) => {
          const hasLowercase = /\p{Ll}/u.test(form);
          const written = isUpper && hasLowercase ? form.toUpperCase() : form;
          // Full stops keep the neutral words from forming an exclusion with the form ("UN Secretariat").
          expect(tagText(`${before}. ${written}. ${after}`, taxonomy)[facet]).toContain(label);
        }),
        { numRuns: 2000 },
      );
    });
  }

  it('finds every exercise series, quoted with a year, in any of its spellings', () => {
    const forms = listForms(file.exercise);
    fc.assert(
      fc.property(
        neutralText,
        fc.constantFrom(...forms),
        fc.integer({ min: 1990, max: 2039 }),
        fc.constantFrom(['«', '»'], ['“', '”'], ['"', '"'], ['„', '“']),
        (before, [label, form], year, [open, close]) => {
          expect(tagText(`${before} учения ${open}${form}-${year}${close}`, taxonomy).exercise).toContain(`${label}-${year}`);
        },
      ),
    );
  });
});

describe('every alias form', () => {
  for (const facet of ['state', 'organ', 'person'] as const) {
    it(`tags each ${facet} form on its own in a sentence`, () => {
      const missed = nameForms[facet].filter(([label, form]) => !tagText(`Yesterday ${form}, then.`, taxonomy)[facet].includes(label));
      expect(missed).toEqual([]);
    });
  }
});
