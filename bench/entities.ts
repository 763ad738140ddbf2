// Taxonomy entities for generated items: labels for the tags, alias spellings for the text, so
// facets and entity searches behave as in a real archive.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Facet, Lang } from '../shared/model';
import { type Random, pickOne } from './random';
import { RESOURCES_DIR } from './word-lists';

export interface Entity {
  label: string;
  /** Concrete spellings of the aliases, per script. */
  forms: Record<Lang, string[]>;
}

export type EntitySets = Record<Facet, Entity[]>;

interface TaxonomyFile {
  endings: Record<string, string[]>;
  state: { label: string; aliases: string[] }[];
  organ: { label: string; aliases: string[] }[];
  exercise: { label: string; aliases: string[] }[];
  person: { label: string; aliases: string[] }[];
}

/**
 * Spells an alias pattern out: `{a|b}` takes one alternative, `<class>` one ending of the class.
 * Several random spellings per alias give the inflected forms a Russian text holds.
 */
export function spellAlias(pattern: string, endings: Record<string, string[]>, random: Random): string {
  return pattern
    .replace(/\{([^}]*)\}/g, (_, group: string) => pickOne(random, group.split('|')))
    .replace(/<([^>]*)>/g, (_, name: string) => pickOne(random, endings[name] ?? ['']));
}

function isCyrillicText(text: string): boolean {
  return /[\u0400-\u04ff]/.test(text);
}

// Patterns with regex-like syntax the spelling above does not know are skipped.
function isSpellable(pattern: string): boolean {
  return !/[\\[\]()*+?]/.test(pattern);
}

function toEntity(entry: { label: string; aliases: string[] }, endings: Record<string, string[]>, random: Random): Entity {
  const forms: Record<Lang, string[]> = { en: [], ru: [] };
  for (const alias of entry.aliases.filter(isSpellable)) {
    const lang: Lang = isCyrillicText(alias) ? 'ru' : 'en';
    for (let i = 0; i < 3; i++) {
      const form = spellAlias(alias, endings, random);
      if (!forms[lang].includes(form)) forms[lang].push(form);
    }
  }
  if (forms.en.length === 0) forms.en.push(entry.label);
  if (forms.ru.length === 0) forms.ru.push(entry.label);
  return { label: entry.label, forms };
}

/** Reads resources/taxonomy.json into entities with spelled-out forms. */
export function loadEntities(random: Random): EntitySets {
  const taxonomy = JSON.parse(readFileSync(join(RESOURCES_DIR, 'taxonomy.json'), 'utf8')) as TaxonomyFile;
  const convert = (list: { label: string; aliases: string[] }[]): Entity[] =>
    list.map((entry) => toEntity(entry, taxonomy.endings, random));
  return {
    state: convert(taxonomy.state),
    organ: convert(taxonomy.organ),
    exercise: convert(taxonomy.exercise),
    person: convert(taxonomy.person),
  };
}
