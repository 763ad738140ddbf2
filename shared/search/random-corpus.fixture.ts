// Seeded random corpora and queries for the engine's agreement tests: a small bilingual vocabulary
// (so words repeat, share prefixes and make phrases), random tags, dates, statuses and notes.
import { emptyTags, FACETS } from '../model';
import type { SearchDoc } from './search-doc';

import type { Random } from '../seeded-random';

export { createRandom, type Random } from '../seeded-random';

export function pick<T>(random: Random, values: readonly T[]): T {
  return values[Math.floor(random() * values.length)] as T;
}

const LATIN = ['ka', 'ro', 'mi', 'sta', 'te', 'lo', 'ber', 'ni', 'sha', 'vo', 'zhu', 'kh'];
const CYRILLIC = ['ка', 'ро', 'ми', 'ста', 'те', 'ло', 'бер', 'ни', 'ша', 'во', 'жу', 'ё'];
const LABELS = ['Armenia', 'Belarus', 'Kazakhstan', 'Joint Staff', 'Interaction-2024', 'Rock-2023', 'Ivan Petrov'];

function makeWord(random: Random, syllables: string[]): string {
  const count = 1 + Math.floor(random() * 3);
  const word = Array.from({ length: count }, () => pick(random, syllables)).join('');
  return random() < 0.15 ? word[0]?.toUpperCase() + word.slice(1) : word;
}

/** A vocabulary of a few dozen words in both scripts, some with digits. */
export function makeVocabulary(random: Random): string[] {
  const words = new Set<string>();
  while (words.size < 40) words.add(makeWord(random, random() < 0.5 ? LATIN : CYRILLIC));
  words.add('2024');
  words.add('CSTO');
  return [...words];
}

function makeText(random: Random, vocabulary: string[], length: number): string {
  return Array.from({ length }, () => pick(random, vocabulary)).join(random() < 0.2 ? ', ' : ' ');
}

/** A random doc with the given id. */
export function makeDoc(random: Random, vocabulary: string[], id: string): SearchDoc {
  const tags = emptyTags();
  for (const facet of FACETS) if (random() < 0.4) tags[facet] = [pick(random, LABELS)];
  const year = 2015 + Math.floor(random() * 10);
  const month = String(1 + Math.floor(random() * 12)).padStart(2, '0');
  const dates = [null, `${year}`, `${year}-${month}`, `${year}-${month}-1${Math.floor(random() * 9)}`];
  return {
    id,
    title: makeText(random, vocabulary, 2 + Math.floor(random() * 5)),
    text: makeText(random, vocabulary, Math.floor(random() * 40)),
    date: pick(random, dates),
    lang: random() < 0.5 ? 'en' : 'ru',
    tags,
    note: random() < 0.2 ? makeText(random, vocabulary, 5) : '',
    highlights: random() < 0.2 ? [makeText(random, vocabulary, 3)] : [],
    status: pick(random, ['unread', 'reviewed', 'starred'] as const),
    collections: random() < 0.2 ? ['picked', 'Picked items'] : [],
  };
}

/** A random corpus of `size` docs. */
export function makeCorpus(random: Random, vocabulary: string[], size: number): SearchDoc[] {
  return Array.from({ length: size }, (_, i) => makeDoc(random, vocabulary, `doc-${i}`));
}

const FILTERS = ['state:armenia', 'tag:"joint staff"', 'exercise:interaction', 'year:2019..2021', 'date:2020-03', 'has:note', 'status:starred', 'lang:ru', 'in:picked', '-has:date'];

function makeTerm(random: Random, vocabulary: string[], docs: SearchDoc[]): string {
  const roll = random();
  const word = pick(random, vocabulary);
  if (roll < 0.3) return word.slice(0, 2 + Math.floor(random() * 3)); // typed so far
  if (roll < 0.4) {
    const words = pick(random, docs).text.split(/[ ,]+/).filter(Boolean);
    const at = Math.floor(random() * Math.max(1, words.length - 1));
    return `"${words.slice(at, at + 2).join(' ')}"`;
  }
  if (roll < 0.5) return pick(random, FILTERS);
  return word;
}

/** A random query: one to three terms, sometimes with OR or a minus. */
export function makeQuery(random: Random, vocabulary: string[], docs: SearchDoc[]): string {
  const count = 1 + Math.floor(random() * 3);
  const parts = Array.from({ length: count }, () => makeTerm(random, vocabulary, docs));
  if (parts.length > 1 && random() < 0.3) return parts.join(' OR ');
  if (parts.length > 1 && random() < 0.3) return `${parts[0]} -${parts.slice(1).join(' ')}`;
  return parts.join(' ');
}
