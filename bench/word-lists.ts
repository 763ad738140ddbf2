// The generator's vocabulary: the words of the real seed pages ranked by frequency, the archive's
// very common words first, then a long tail of made-up words so the vocabulary grows with the
// corpus the way a real archive's does (Heaps' law) instead of stopping at a few thousand words.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Lang } from '../shared/model';
import { type Random, pickInt, pickOne } from './random';

/** The repository's resources folder (seed pages and taxonomy). */
export const RESOURCES_DIR = join(import.meta.dirname, '..', 'resources');

// Words an archive of CSTO releases holds in almost every item: they lead the Zipf ranking.
const HEAD_WORDS: Record<Lang, string[]> = {
  en: ['the', 'of', 'CSTO', 'and', 'member', 'states', 'in', 'to', 'security', 'collective', 'a', 'on', 'organization',
    'treaty', 'for', 'was', 'with', 'Secretary', 'General', 'cooperation', 'meeting', 'military', 'by', 'at', 'the'],
  ru: ['ОДКБ', 'в', 'и', 'государств', 'членов', 'на', 'безопасности', 'по', 'с', 'коллективной', 'Генеральный',
    'секретарь', 'договора', 'организации', 'сотрудничества', 'заседании', 'для', 'что', 'о', 'военного'],
};

// Function words the seed pages may under-represent.
const COMMON_WORDS: Record<Lang, string[]> = {
  en: ['is', 'are', 'be', 'this', 'that', 'which', 'from', 'as', 'it', 'its', 'an', 'will', 'has', 'have', 'were',
    'their', 'also', 'between', 'during', 'within', 'under', 'against', 'about', 'after', 'before', 'into', 'other'],
  ru: ['не', 'это', 'как', 'также', 'из', 'за', 'от', 'к', 'при', 'был', 'была', 'были', 'будет', 'его', 'их',
    'между', 'ходе', 'рамках', 'после', 'до', 'против', 'а', 'но', 'или', 'который', 'которые'],
};

const WORD = /[\p{L}][\p{L}'’-]*/gu;

function readSeedTexts(lang: Lang): string[] {
  const dir = lang === 'en' ? join(RESOURCES_DIR, 'seeds') : join(RESOURCES_DIR, 'seeds', 'ru');
  return readdirSync(dir)
    .filter((name) => name.endsWith('.txt'))
    .sort()
    .map((name) => readFileSync(join(dir, name), 'utf8'));
}

function isScript(word: string, lang: Lang): boolean {
  return lang === 'ru' ? /^[\u0400-\u04ff-]+$/.test(word) : /^[A-Za-z'’-]+$/.test(word);
}

/** The seed pages' words of one language, most frequent first (ties by first appearance). */
export function rankSeedWords(lang: Lang): string[] {
  const counts = new Map<string, number>();
  for (const text of readSeedTexts(lang)) {
    for (const match of text.match(WORD) ?? []) {
      const word = match.replace(/['’-]+$/, '');
      if (word.length < 2 || !isScript(word, lang)) continue;
      counts.set(word, (counts.get(word) ?? 0) + 1);
    }
  }
  return [...counts].sort((a, b) => b[1] - a[1]).map(([word]) => word);
}

function inventWord(random: Random, pieces: string[]): string {
  const parts = pickInt(random, 2, 3);
  let word = '';
  for (let i = 0; i < parts; i++) word += pickOne(random, pieces);
  return word;
}

// Syllable-like pieces cut from real words, so invented words look like the language.
function cutPieces(words: string[]): string[] {
  const pieces = new Set<string>();
  for (const word of words) {
    const lower = word.toLowerCase().replace(/['’-]/g, '');
    for (let i = 0; i + 3 <= lower.length; i += 3) pieces.add(lower.slice(i, i + 3));
  }
  return [...pieces].sort();
}

/**
 * The ranked word list of a language: head words, common words, the seed pages' words, then
 * invented tail words up to `size` entries, all distinct.
 */
export function buildWordList(lang: Lang, random: Random, size: number): string[] {
  const seen = new Set<string>();
  const words: string[] = [];
  const push = (word: string): void => {
    if (seen.has(word)) return;
    seen.add(word);
    words.push(word);
  };
  const seedWords = rankSeedWords(lang);
  for (const word of [...HEAD_WORDS[lang], ...COMMON_WORDS[lang], ...seedWords]) push(word);
  const pieces = cutPieces(seedWords);
  for (let attempts = 0; words.length < size && attempts < size * 10; attempts++) push(inventWord(random, pieces));
  return words;
}
