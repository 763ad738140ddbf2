// Seeded generator of press-release-like items (about 70% English, 30% Russian, ~1,900 characters)
// for the benchmark. Run alone to write a corpus: tsx bench/generate.ts --items 1000 [--seed 42] --out corpus.jsonl
import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { FACETS, emptyTags } from '../shared/model';
import type { DatePrecision, Facet, Item, ItemStatus, Lang, Tags } from '../shared/model';
import { type Entity, type EntitySets, loadEntities } from './entities';
import { type Random, createRandom, createZipf, pickInt, pickOne } from './random';
import { buildWordList } from './word-lists';

export const DEFAULT_SEED = 20261123;
const FIRST_YEAR = 2002;
const LAST_YEAR = 2026;
const TARGET_CHARS = 1900;
const WORD_LIST_SIZE: Record<Lang, number> = { en: 40_000, ru: 30_000 };

const OPENERS: Record<Lang, string[]> = {
  en: ['CSTO member states', 'The CSTO Secretary General', 'Representatives of the CSTO member states', 'The CSTO'],
  ru: ['Государства – члены ОДКБ', 'Генеральный секретарь ОДКБ', 'Представители государств – членов ОДКБ', 'В ОДКБ'],
};

interface LangModel {
  words: string[];
  drawRank: () => number;
}

/** What the generator needs, built once per seed. */
export interface Generator {
  random: Random;
  entities: EntitySets;
  models: Record<Lang, LangModel>;
}

/** Builds the word models and entities of a seed. */
export function createGenerator(seed: number = DEFAULT_SEED): Generator {
  const random = createRandom(seed);
  const entities = loadEntities(random);
  const model = (lang: Lang): LangModel => {
    const words = buildWordList(lang, random, WORD_LIST_SIZE[lang]);
    return { words, drawRank: createZipf(random, words.length, 1.05) };
  };
  return { random, entities, models: { en: model('en'), ru: model('ru') } };
}

function drawWord(model: LangModel): string {
  return model.words[model.drawRank()] ?? '';
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function mention(generator: Generator, entity: Entity, lang: Lang, facet: Facet, year: number): string {
  const form = pickOne(generator.random, entity.forms[lang]);
  // Exercises are named per year, as in the seed pages ("Interaction-2024", «Взаимодействие-2024»).
  if (facet !== 'exercise') return form;
  return lang === 'ru' ? `«${form}-${year}»` : `"${form}-${year}"`;
}

function buildSentence(generator: Generator, lang: Lang, mentions: string[]): string {
  const { random } = generator;
  const words: string[] = [];
  const length = pickInt(random, 8, 24);
  for (let i = 0; i < length; i++) words.push(drawWord(generator.models[lang]));
  if (mentions.length > 0 && random() < 0.5) {
    const at = pickInt(random, 0, words.length);
    words.splice(at, 0, mentions[pickInt(random, 0, mentions.length - 1)] ?? '');
  }
  return `${capitalize(words.join(' '))}.`;
}

// Most items name a state or two; organs, exercises and people are rarer, with the usual ones first.
const FACET_DRAWS: Record<Facet, { chance: number; max: number }> = {
  state: { chance: 0.85, max: 3 },
  organ: { chance: 0.5, max: 2 },
  exercise: { chance: 0.25, max: 2 },
  person: { chance: 0.35, max: 1 },
};

function drawEntities(generator: Generator): Record<Facet, Entity[]> {
  const { random, entities } = generator;
  const drawn = { state: [], organ: [], exercise: [], person: [] } as Record<Facet, Entity[]>;
  for (const facet of FACETS) {
    const { chance, max } = FACET_DRAWS[facet];
    if (random() >= chance) continue;
    const zipf = createZipf(random, entities[facet].length, 1.2);
    const count = pickInt(random, 1, max);
    for (let i = 0; i < count; i++) {
      const entity = entities[facet][zipf()];
      if (entity && !drawn[facet].includes(entity)) drawn[facet].push(entity);
    }
  }
  return drawn;
}

function drawDate(random: Random): { date: string | null; precision: DatePrecision | null; year: number } {
  // More news in later years, as the organisation's site grew.
  const year = FIRST_YEAR + Math.min(LAST_YEAR - FIRST_YEAR, Math.floor((LAST_YEAR - FIRST_YEAR + 1) * Math.sqrt(random())));
  const month = String(pickInt(random, 1, 12)).padStart(2, '0');
  const day = String(pickInt(random, 1, 28)).padStart(2, '0');
  const roll = random();
  if (roll < 0.03) return { date: null, precision: null, year };
  if (roll < 0.08) return { date: `${year}-${month}`, precision: 'month', year };
  return { date: `${year}-${month}-${day}`, precision: 'day', year };
}

function buildText(generator: Generator, lang: Lang, mentions: string[]): string {
  const { random } = generator;
  const target = TARGET_CHARS + pickInt(random, -500, 500);
  const first = buildSentence(generator, lang, mentions);
  const opener = `${pickOne(random, OPENERS[lang])} ${first.charAt(0).toLowerCase()}${first.slice(1)}`;
  const paragraphs: string[] = [];
  let paragraph = [opener];
  let length = opener.length;
  while (length < target) {
    const sentence = buildSentence(generator, lang, mentions);
    paragraph.push(sentence);
    length += sentence.length + 1;
    if (paragraph.length >= pickInt(random, 2, 5)) {
      paragraphs.push(paragraph.join(' '));
      paragraph = [];
    }
  }
  if (paragraph.length > 0) paragraphs.push(paragraph.join(' '));
  return paragraphs.join('\n\n');
}

function buildTitle(generator: Generator, lang: Lang, mentions: string[]): string {
  const { random } = generator;
  const words: string[] = [];
  for (let i = pickInt(random, 4, 9); i > 0; i--) words.push(drawWord(generator.models[lang]));
  if (mentions.length > 0) words.splice(pickInt(random, 0, words.length), 0, pickOne(random, mentions));
  return capitalize(words.join(' '));
}

function drawStatus(random: Random): ItemStatus {
  const roll = random();
  return roll < 0.85 ? 'unread' : roll < 0.95 ? 'reviewed' : 'starred';
}

/** Generates the item at position `index` of the corpus. */
export function generateItem(generator: Generator, index: number): Item {
  const { random } = generator;
  const lang: Lang = random() < 0.7 ? 'en' : 'ru';
  const { date, precision, year } = drawDate(random);
  const drawn = drawEntities(generator);
  const tags: Tags = emptyTags();
  const mentions: string[] = [];
  for (const facet of FACETS) {
    for (const entity of drawn[facet]) {
      tags[facet].push(facet === 'exercise' ? `${entity.label}-${year}` : entity.label);
      mentions.push(mention(generator, entity, lang, facet, year));
    }
  }
  const title = buildTitle(generator, lang, mentions);
  const text = buildText(generator, lang, mentions);
  const sha256 = createHash('sha256').update(`${index}\n${title}`).digest('hex');
  const stamp = `${date ? date.slice(0, 4) : '2026'}-01-01T00:00:00.000Z`;
  return {
    id: sha256.slice(0, 16),
    title,
    isTitleDerived: false,
    date,
    datePrecision: precision,
    lang,
    text,
    sources: [{ sha256, file: `bench-${index}.txt`, ext: 'txt', url: null, index: 0 }],
    autoTags: tags,
    curator: { added: emptyTags(), rejected: emptyTags() },
    note: random() < 0.03 ? buildSentence(generator, lang, []) : '',
    highlights: [],
    status: drawStatus(random),
    imported: stamp,
    updated: stamp,
  };
}

/** Generates a corpus of `count` items; the same seed always gives the same items. */
export function generateItems(count: number, seed: number = DEFAULT_SEED): Item[] {
  const generator = createGenerator(seed);
  return Array.from({ length: count }, (_, index) => generateItem(generator, index));
}

function formatPageDate(date: string | null): string | null {
  if (date === null) return null;
  const [year, month, day] = date.split('-');
  return day && month ? `${day}.${month}.${year}` : null;
}

/**
 * An item as a plain-text page the importer reads as one article: headline (no closing
 * punctuation), the date on its own line, then the paragraphs.
 */
export function toPageText(item: Item): string {
  const date = formatPageDate(item.date);
  return [item.title, ...(date ? [date] : []), item.text].join('\n\n') + '\n';
}

function readFlag(args: string[], name: string): string | undefined {
  const at = args.indexOf(`--${name}`);
  return at === -1 ? undefined : args[at + 1];
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const args = process.argv.slice(2);
  const items = generateItems(Number(readFlag(args, 'items') ?? 1000), Number(readFlag(args, 'seed') ?? DEFAULT_SEED));
  const out = readFlag(args, 'out');
  const lines = items.map((item) => JSON.stringify(item)).join('\n') + '\n';
  if (out) writeFileSync(out, lines);
  else process.stdout.write(lines);
}
