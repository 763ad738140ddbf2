// Seeded benchmark queries drawn from the corpus, in the mix users type (see docs/performance.md):
// words the archive is full of, several words, words being typed, typos, phrases, filters.
import type { Item } from '../shared/model';
import { type Random, createRandom, pickInt, pickOne } from './random';

export type QueryKind = 'word' | 'words' | 'prefix' | 'typo' | 'phrase' | 'filter';

export interface BenchQuery {
  kind: QueryKind;
  text: string;
}

/** Share of each kind, in the order queries are drawn. */
export const QUERY_MIX: Record<QueryKind, number> = {
  word: 0.3,
  words: 0.2,
  prefix: 0.2,
  typo: 0.1,
  phrase: 0.1,
  filter: 0.1,
};

// Words users of this archive type all the time: present in almost every item.
const COMMON_QUERY_WORDS = ['CSTO', 'member', 'states', 'security', 'collective', 'ОДКБ', 'государств', 'безопасности'];
const SERIES = ['Interaction', 'Search', 'Echelon', 'Rubezh', 'Cobalt', 'Thunder'];
const WORD = /[\p{L}\p{N}]+/gu;

function wordsOf(item: Item): string[] {
  return `${item.title} ${item.text}`.match(WORD) ?? [];
}

// Half of the words come from the common list and half from a random item, so the mix holds both
// the words that match everything and the ones that match a handful of items.
function drawWord(random: Random, items: Item[]): string {
  if (random() < 0.35) return pickOne(random, COMMON_QUERY_WORDS);
  const words = wordsOf(pickOne(random, items)).filter((word) => word.length >= 3);
  return words.length > 0 ? pickOne(random, words) : pickOne(random, COMMON_QUERY_WORDS);
}

function drawWords(random: Random, items: Item[], count: number): string[] {
  return Array.from({ length: count }, () => drawWord(random, items));
}

/** A word as typed so far: its first 2–6 characters, never the whole word. */
export function truncateWord(random: Random, word: string): string {
  const length = pickInt(random, 2, Math.max(2, Math.min(6, word.length - 1)));
  return word.slice(0, length);
}

/** One typing error after the first letter: a letter swapped, dropped, doubled or replaced. */
export function misspellWord(random: Random, word: string): string {
  const at = pickInt(random, 1, word.length - 2);
  const chars = [...word];
  switch (pickInt(random, 0, 3)) {
    case 0:
      [chars[at], chars[at + 1]] = [chars[at + 1] ?? '', chars[at] ?? ''];
      break;
    case 1:
      chars.splice(at, 1);
      break;
    case 2:
      chars.splice(at, 0, chars[at] ?? '');
      break;
    default:
      chars[at] = /[\u0400-\u04ff]/.test(word) ? pickOne(random, [...'оеаи']) : pickOne(random, [...'aeio']);
  }
  return chars.join('');
}

function drawPhrase(random: Random, items: Item[]): string {
  const words = wordsOf(pickOne(random, items));
  const length = pickInt(random, 2, 3);
  const start = pickInt(random, 0, Math.max(0, words.length - length));
  return `"${words.slice(start, start + length).join(' ')}"`;
}

function drawFilter(random: Random, items: Item[]): string {
  const item = pickOne(random, items);
  const state = item.autoTags.state[0] ?? 'Russia';
  const year = item.date?.slice(0, 4) ?? '2024';
  const word = drawWord(random, items);
  switch (pickInt(random, 0, 4)) {
    case 0:
      return `${word} state:${state}`;
    case 1:
      return `${word} year:${year}`;
    case 2:
      return `exercise:${pickOne(random, SERIES)} ${word}`;
    case 3:
      return `state:${state} year:${year}`;
    default:
      return `exercise:${pickOne(random, SERIES)}`;
  }
}

function drawQuery(random: Random, items: Item[], kind: QueryKind): string {
  switch (kind) {
    case 'word':
      return drawWord(random, items);
    case 'words':
      return drawWords(random, items, pickInt(random, 2, 3)).join(' ');
    case 'prefix': {
      const words = drawWords(random, items, pickInt(random, 1, 2));
      const last = words.pop() ?? '';
      return [...words, truncateWord(random, last)].join(' ');
    }
    case 'typo': {
      let word = drawWord(random, items);
      for (let tries = 0; word.length < 5 && tries < 20; tries++) word = drawWord(random, items);
      return word.length < 5 ? word : misspellWord(random, word);
    }
    case 'phrase':
      return drawPhrase(random, items);
    case 'filter':
      return drawFilter(random, items);
  }
}

/** Draws `count` queries from the corpus, kinds in QUERY_MIX proportions; the same seed gives the same queries. */
export function generateQueries(items: Item[], count: number, seed: number): BenchQuery[] {
  if (items.length === 0) return [];
  const random = createRandom(seed ^ 0x5eed);
  const kinds = Object.entries(QUERY_MIX) as [QueryKind, number][];
  const queries: BenchQuery[] = [];
  let drawn = 0;
  for (const [index, [kind, share]] of kinds.entries()) {
    const quota = index === kinds.length - 1 ? count - drawn : Math.min(count - drawn, Math.round(count * share));
    for (let i = 0; i < quota; i++) queries.push({ kind, text: drawQuery(random, items, kind) });
    drawn += quota;
  }
  return queries;
}
