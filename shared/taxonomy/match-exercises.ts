// Finds named exercises and operations: known series (with or without a year) and quoted unknown names with a year.
import { DASH } from './alias-pattern';
import type { Mention } from './match-names';
import { hasPresentNeedle, listNeedleStarts, type NeedleScan } from './needle-index';
import { romanizeNamePart } from './romanize';
import type { CompiledSeries, CompiledTaxonomy } from './types';
import { matchAliases } from './word-match';

const QUOTED = /[«“"„]([^«»“”"„\n]{1,80})[»”"“]/gu;
const DASHED = new RegExp(DASH, 'gu');
const UNKNOWN_WITH_YEAR = new RegExp(`^(\\p{Lu}[\\p{L}\\s'’\\u2010-\\u2015-]*?\\p{L})(${DASH}|\\s+)((?:19|20)\\d{2})$`, 'u');
/** An unknown name is short: a sentence in quotes that ends with a year is no exercise. */
const MAX_UNKNOWN_WORDS = 3;
const MAX_UNKNOWN_LENGTH = 40;
/** How far from a name an exercise word may stand (characters before, after). */
const CONTEXT_BEFORE = 80;
const CONTEXT_AFTER = 40;

interface Quote {
  start: number;
  end: number;
  content: string;
}

/** "Name – Part" becomes "Name-Part". */
function joinDashes(text: string): string {
  return text.trim().replace(DASHED, '-').replace(/\s+/gu, ' ');
}

function hasContext(text: string, from: number, to: number, taxonomy: CompiledTaxonomy): boolean {
  return taxonomy.context.test(text.slice(Math.max(0, from - CONTEXT_BEFORE), to + CONTEXT_AFTER));
}

function labelOf(series: CompiledSeries, part: string | undefined, year: string | undefined): string {
  const name = part === undefined ? null : romanizeNamePart(joinDashes(part));
  return [series.label, name, year ?? null].filter((s) => s !== null).join('-');
}

/**
 * A quoted name matched against the known series: "Search-2024", "Канал – Ловушка", "Поиск".
 * Undefined when no series matches; null when one does but may not stand without a year here.
 */
function matchKnown(content: string, isNearExerciseWord: boolean, taxonomy: CompiledTaxonomy): string | null | undefined {
  for (const series of taxonomy.series) {
    const m = series.exact.exec(content);
    if (!m) continue;
    const [, part, year] = m;
    // A quoted name alone may be a veterans' union («Боевое братство») or a TV channel: it needs an exercise word.
    const isBareAllowed = series.bare === 'anywhere' || (series.bare !== 'never' && isNearExerciseWord);
    return year === undefined && !isBareAllowed ? null : labelOf(series, part, year);
  }
  return undefined;
}

/** A quoted name outside the taxonomy with a year ("Steppe Eagle – 2021" → "Steppe Eagle-2021"), or null. */
function matchUnknown(content: string): string | null {
  const m = UNKNOWN_WITH_YEAR.exec(content);
  if (!m) return null;
  const name = joinDashes(m[1] as string);
  const words = name.split(/[\s-]+/u);
  if (name.length > MAX_UNKNOWN_LENGTH || words.length > MAX_UNKNOWN_WORDS) return null;
  // "Name 2021" without a dash reads as a name only when every word is capitalised.
  const isDashed = /\S/u.test(m[2] as string);
  if (!isDashed && !words.every((word) => /^\p{Lu}/u.test(word))) return null;
  return `${name}-${m[3] as string}`;
}

/** One quote may list several series: «Interaction. Search. Echelon», «Взаимодействие», «Поиск» и «Эшелон». */
function matchQuote(content: string, text: string, quote: Quote, taxonomy: CompiledTaxonomy): string[] {
  const isNearExerciseWord = hasContext(text, quote.start, quote.end, taxonomy);
  const known = matchKnown(content, isNearExerciseWord, taxonomy);
  if (known !== undefined) return known === null ? [] : [known];
  const parts = content.split(/[.,;]\s+|\s+(?:and|и)\s+/u);
  if (parts.length > 1) {
    const labels = parts.map((part) => matchKnown(part.trim(), isNearExerciseWord, taxonomy));
    if (labels.every((label) => typeof label === 'string')) return labels as string[];
  }
  const unknown = matchUnknown(content);
  return unknown && isNearExerciseWord ? [unknown] : [];
}

// The kind of event written inside the quotes with the name: "PROXY operation", «учения Поиск».
const KIND_IN_QUOTE =
  /^(?:operation|exercise|training|drill|операция|учения)\s+|\s+(?:operation|exercise|exercises|training|drill|операция|учения)$/iu;

function findQuoted(text: string, quotes: Quote[], taxonomy: CompiledTaxonomy): Mention[] {
  return quotes.flatMap((quote) => {
    const content = quote.content.trim().replace(/[.,;:!?]+$/u, '').replace(KIND_IN_QUOTE, '');
    return matchQuote(content, text, quote, taxonomy).map((label) => ({ label, index: quote.start }));
  });
}

function isInside(index: number, quotes: Quote[]): boolean {
  return quotes.some((q) => q.start <= index && index < q.end);
}

/** A capitalised name opening a sentence is more likely an ordinary word ("Search operations began"). */
function isSentenceStart(text: string, index: number): boolean {
  return /(?:^|[.!?]\s+|\n\s*)$/u.test(text.slice(Math.max(0, index - 4), index));
}

const LONGER_NAME_AFTER = new RegExp(`^(?:${DASH}\\p{L}|\\s+\\p{Lu})`, 'u');
/** A capitalised word with lowercase letters just before: "Telegram Channel", "Holds Search" (not "CSTO Search"). */
const LONGER_NAME_BEFORE = /(\p{Lu}\p{Ll}+)\s+$/u;

/**
 * "Rock City-Astana", "Channel One", "Telegram Channel": the name is part of a longer proper name.
 * An exercise word before it ("Operation Channel") does not make it longer.
 */
function isPartOfLongerName(text: string, start: number, end: number, taxonomy: CompiledTaxonomy): boolean {
  if (LONGER_NAME_AFTER.test(text.slice(end, end + 4))) return true;
  const before = LONGER_NAME_BEFORE.exec(text.slice(Math.max(0, start - 30), start));
  return before !== null && !taxonomy.context.test(before[1] as string);
}

function findUnquoted(text: string, quotes: Quote[], taxonomy: CompiledTaxonomy, scan: NeedleScan): Mention[] {
  const mentions: Mention[] = [];
  for (const series of taxonomy.series) {
    if (!hasPresentNeedle(scan, series.needles)) continue;
    const starts = listNeedleStarts(scan, series.needles);
    // Inside quotes too: a quoted sentence may name an exercise with its year.
    for (const m of matchAliases(text, series.withYear, starts)) mentions.push({ label: `${series.label}-${m[1] as string}`, index: m.index });
    if (series.bare !== 'context' && series.bare !== 'anywhere') continue;
    for (const m of matchAliases(text, series.alone, starts)) {
      const end = m.index + m[0].length;
      if (isInside(m.index, quotes) || isPartOfLongerName(text, m.index, end, taxonomy)) continue;
      if (/^\s*[-\u2010-\u2015]?\s*(?:19|20)\d{2}/u.test(text.slice(end, end + 8))) continue;
      const isAccepted =
        series.bare === 'anywhere' || (!isSentenceStart(text, m.index) && hasContext(text, m.index, end, taxonomy));
      if (isAccepted) mentions.push({ label: series.label, index: m.index });
    }
  }
  return mentions;
}

/** Drops a bare series name when the same text names that series with a year ("Interaction-2021" only). */
function dropBareWithYear(mentions: Mention[], taxonomy: CompiledTaxonomy): Mention[] {
  const seriesWithYear = new Set(
    mentions.filter((m) => /-(?:19|20)\d{2}$/.test(m.label)).map((m) => m.label.replace(/-(?:19|20)\d{2}$/, '')),
  );
  const known = new Set(taxonomy.series.map((s) => s.label));
  return mentions.filter((m) => !(known.has(m.label) && seriesWithYear.has(m.label)));
}

/** Returns exercise labels ("Series-YYYY", or "Series" when the text never gives it a year) with first offsets. */
export function findExerciseMentions(text: string, taxonomy: CompiledTaxonomy, scan: NeedleScan): Mention[] {
  const quotes: Quote[] = [...text.matchAll(QUOTED)].map((m) => ({
    start: m.index,
    end: m.index + m[0].length,
    content: m[1] as string,
  }));
  const mentions = [...findQuoted(text, quotes, taxonomy), ...findUnquoted(text, quotes, taxonomy, scan)];
  return dropBareWithYear(mentions, taxonomy);
}
