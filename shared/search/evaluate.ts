// Evaluates a query AST against the inverted index: words (expanded by prefix and typo through the
// vocabulary) and phrases are scored, filters read the integer columns. Every node yields a SlotScores:
// dense arrays over the slots, so AND, OR and NOT are single passes whatever the hit counts.
import { findTermId } from './inverted-index';
import type { InvertedIndex } from './inverted-index';
import { allLiveSlots, copySlotScores, createSlotScores, scorePhrase, scoreTerms } from './scoring';
import type { SlotScores } from './scoring';
import { toPrimaryTerm, toQueryTermVariants, tokenizeText } from './options';
import type { QueryTermVariant } from './options';
import { FACETS } from '../model';
import { ATTRIBUTE_BITS, COLLECTION_FACET, encodeAttribute } from './doc-columns';
import type { DocColumns } from './doc-columns';
import type { QueryFilter, QueryNode } from './query';
import { createLabelTest, normalizeFilterValue, toDayRange } from './filters';
import { expandQueryTerms } from './vocabulary';
import { recallWordScores, rememberWordScores } from './query-cache';

/** A phrase as typed (primary terms) and as term ids. */
export interface RecordedPhrase {
  terms: string[];
  ids: Int32Array;
}

export interface EvaluationContext {
  inverted: InvertedIndex;
  columns: DocColumns;
  /** Index terms of the words that count for highlighting (not under NOT). */
  recordedTerms: Set<string>;
  /** Phrases that count for highlighting (not under NOT). */
  recordedPhrases: RecordedPhrase[];
}

function intersect(context: EvaluationContext, parts: SlotScores[]): SlotScores {
  const [first, ...rest] = parts;
  if (!first) return createSlotScores(context.inverted);
  for (const part of rest) {
    for (let slot = 0; slot < first.hit.length; slot++) {
      if (first.hit[slot] === 0) continue;
      if (part.hit[slot] === 0) first.hit[slot] = 0;
      else first.score[slot] = (first.score[slot] as number) + (part.score[slot] as number);
    }
  }
  return first;
}

function subtract(kept: SlotScores, excluded: SlotScores): SlotScores {
  for (let slot = 0; slot < kept.hit.length; slot++) if (excluded.hit[slot] !== 0) kept.hit[slot] = 0;
  return kept;
}

// A word or phrase is worth remembering when scoring it reads more postings than a quarter of the slots:
// below that, scoring it again costs about what copying its arrays in and out of the cache does.
function isWorthCaching(inverted: InvertedIndex, ids: Iterable<number>): boolean {
  let postings = 0;
  for (const id of ids) postings += inverted.listLengths[id] as number;
  return postings * 4 >= inverted.slotCount;
}

function recordTerms(context: EvaluationContext, ids: Iterable<number>, isRecorded: boolean): void {
  if (isRecorded) for (const id of ids) context.recordedTerms.add(context.inverted.terms[id] as string);
}

// A word's variants as a cache key: "C" and "c", or "Ра" and "ра", expand and score alike.
function toCacheKey(variants: QueryTermVariant[]): string {
  return variants.map(({ term, weight }) => `${term}\u0000${weight}`).join('\u0001');
}

// One word's scores: recalled, or scored over every slot (and remembered when costly), or, when
// the word is ANDed with parts already evaluated, scored only within the slots they hit.
function scoreWord(context: EvaluationContext, word: string, isRecorded: boolean, within: Uint8Array | null): SlotScores {
  const { inverted } = context;
  const variants = toQueryTermVariants(word);
  const key = toCacheKey(variants);
  const kind = variants.some(({ term }) => term.length === 1) ? 'letter' : 'word';
  const cached = recallWordScores(inverted, key, kind);
  if (cached) {
    recordTerms(context, cached.ids, isRecorded);
    return copySlotScores(inverted, cached);
  }
  const weights = expandQueryTerms(inverted, variants);
  recordTerms(context, weights.keys(), isRecorded);
  if (within) return scoreTerms(inverted, weights, undefined, within);
  const scores = scoreTerms(inverted, weights);
  if (isWorthCaching(inverted, weights.keys())) rememberWordScores(inverted, key, kind, [...weights.keys()], scores);
  return scores;
}

function evaluateWord(context: EvaluationContext, value: string, isRecorded: boolean, within: Uint8Array | null = null): SlotScores | null {
  const words = tokenizeText(value);
  if (words.length === 0) return null;
  const parts: SlotScores[] = [];
  const narrowed = startNarrowing(within);
  for (const word of words) {
    const slots = narrowTo(narrowed, parts);
    parts.push(scoreWord(context, word, isRecorded, slots));
    narrowed.withins.push(slots);
  }
  return intersect(context, parts);
}

/**
 * The slots every part of an AND so far hit (null: no part yet), as the parts are evaluated. The
 * parts' own hit arrays are only read; an AND of several goes into an array of its own.
 */
interface Narrowing {
  slots: Uint8Array | null;
  buffer: Uint8Array | null;
  /** Parts folded into `slots` so far. */
  folded: number;
  /** The slots each part was scored within (its hits are among them), null when all. */
  withins: (Uint8Array | null)[];
}

function startNarrowing(within: Uint8Array | null): Narrowing {
  return { slots: within, buffer: null, folded: 0, withins: [] };
}

// Folds in the hits of the parts evaluated since the last call, and returns the slots.
function narrowTo(narrowed: Narrowing, parts: SlotScores[]): Uint8Array | null {
  for (; narrowed.folded < parts.length; narrowed.folded++) {
    const hit = (parts[narrowed.folded] as SlotScores).hit;
    const within = narrowed.withins[narrowed.folded] ?? null;
    // A part scored within the current slots hit only among them: its hits are the AND.
    if (narrowed.slots === null || (within !== null && within === narrowed.slots)) {
      narrowed.slots = hit;
      continue;
    }
    if (narrowed.slots !== narrowed.buffer) {
      narrowed.buffer ??= new Uint8Array(hit.length);
      narrowed.buffer.set(narrowed.slots);
      narrowed.slots = narrowed.buffer;
    }
    const out = narrowed.buffer as Uint8Array;
    for (let slot = 0; slot < hit.length; slot++) if (hit[slot] === 0) out[slot] = 0;
  }
  return narrowed.slots;
}

/** The term ids of a phrase, or null when one of its words is in no doc. */
export function toPhraseIds(inverted: InvertedIndex, terms: string[]): Int32Array | null {
  const ids = new Int32Array(terms.length);
  for (let k = 0; k < terms.length; k++) {
    const id = findTermId(inverted, terms[k] as string);
    if (id === undefined) return null;
    ids[k] = id;
  }
  return ids;
}

function evaluatePhrase(context: EvaluationContext, value: string, isRecorded: boolean): SlotScores | null {
  const terms = tokenizeText(value).map((word) => toPrimaryTerm(word));
  if (terms.length === 0) return null;
  const ids = toPhraseIds(context.inverted, terms);
  if (!ids) return createSlotScores(context.inverted);
  if (isRecorded) context.recordedPhrases.push({ terms, ids });
  // Typing `"по государств` then its closing quote asks for the same phrase twice.
  const { inverted } = context;
  const key = `\u0002${ids.join(' ')}`;
  const cached = recallWordScores(inverted, key, 'word');
  if (cached) return copySlotScores(inverted, cached);
  const scores = scorePhrase(inverted, ids);
  if (isWorthCaching(inverted, ids)) rememberWordScores(inverted, key, 'word', [], scores);
  return scores;
}

function passingValues(columns: DocColumns, filter: QueryFilter): Uint8Array | null {
  if (filter.key === 'in') {
    const wanted = normalizeFilterValue(filter.value);
    return Uint8Array.from(columns.valueLabels, (label, id) =>
      columns.valueFacets[id] === COLLECTION_FACET && normalizeFilterValue(label) === wanted ? 1 : 0,
    );
  }
  const labelTest = createLabelTest(filter);
  if (!labelTest) return null;
  return Uint8Array.from(columns.valueLabels, (label, id) => {
    const facet = FACETS[columns.valueFacets[id] as number];
    return facet !== undefined && labelTest(facet, label) ? 1 : 0;
  });
}

// The attributes bits a status, lang or has: filter tests, as [mask, expected value].
function attributeTest(filter: QueryFilter): [number, number] {
  switch (filter.key) {
    case 'status':
      return [3, encodeAttribute('status', filter.value)];
    case 'lang':
      return [4, encodeAttribute('lang', filter.value)];
    case 'has':
      return [ATTRIBUTE_BITS[filter.value], ATTRIBUTE_BITS[filter.value]];
    default:
      return [0, 1]; // never passes: every other key is handled before
  }
}

// Filters read the integer columns only: tags and collections by value id, dates as day numbers.
function evaluateFilter(context: EvaluationContext, filter: QueryFilter): SlotScores {
  const out = createSlotScores(context.inverted);
  const { alive, slotCount } = context.inverted;
  const { columns } = context;
  const passes = passingValues(columns, filter);
  if (passes) {
    const { valueStarts, valueIds } = columns;
    for (let slot = 0; slot < slotCount; slot++) {
      if (!alive[slot]) continue;
      const end = valueStarts[slot + 1] as number;
      for (let v = valueStarts[slot] as number; v < end; v++) if (passes[valueIds[v] as number] === 1) out.hit[slot] = 1;
    }
  } else if (filter.key === 'date') {
    const [from, to] = toDayRange(filter);
    for (let slot = 0; slot < slotCount; slot++) {
      const start = columns.dayStarts[slot] as number;
      if (alive[slot] && start > 0 && (columns.dayEnds[slot] as number) >= from && start <= to) out.hit[slot] = 1;
    }
  } else {
    const [mask, expected] = attributeTest(filter);
    for (let slot = 0; slot < slotCount; slot++) {
      if (alive[slot] && ((columns.attributes[slot] as number) & mask) === expected) out.hit[slot] = 1;
    }
  }
  return out;
}

// A word after the first positive part is scored only within the slots the parts before it hit:
// the other slots drop out of the AND whatever its score there.
function evaluateAnd(context: EvaluationContext, children: QueryNode[], isRecorded: boolean): SlotScores {
  const positives: SlotScores[] = [];
  const exclusions: SlotScores[] = [];
  const narrowed = startNarrowing(null);
  for (const child of children) {
    if (child.type === 'not') {
      const excluded = evaluateNode(context, child.child, false);
      if (excluded) exclusions.push(excluded);
      continue;
    }
    // Only a word is narrowed: a filter or a phrase costs the same over every slot.
    const slots = child.type === 'word' ? narrowTo(narrowed, positives) : null;
    const scores = child.type === 'word' ? evaluateWord(context, child.value, isRecorded, slots) : evaluateNode(context, child, isRecorded);
    if (!scores) continue;
    positives.push(scores);
    narrowed.withins[positives.length - 1] = slots;
  }
  const kept = positives.length > 0 ? intersect(context, positives) : allLiveSlots(context.inverted);
  for (const excluded of exclusions) subtract(kept, excluded);
  return kept;
}

function evaluateOr(context: EvaluationContext, children: QueryNode[], isRecorded: boolean): SlotScores | null {
  // A side without words ("&") is ignored, as it would be on its own.
  const sides = children.flatMap((child) => evaluateNode(context, child, isRecorded) ?? []);
  const [first, ...rest] = sides;
  if (!first) return null;
  for (const side of rest) {
    for (let slot = 0; slot < first.hit.length; slot++) {
      if (side.hit[slot] === 0) continue;
      first.score[slot] = first.hit[slot] === 0 ? (side.score[slot] as number) : (first.score[slot] as number) + (side.score[slot] as number);
      first.hit[slot] = 1;
    }
  }
  return first;
}

/** The slots matching a node with their scores; null when the node restricts nothing (no words). */
export function evaluateNode(context: EvaluationContext, node: QueryNode, isRecorded: boolean): SlotScores | null {
  switch (node.type) {
    case 'all':
      return null;
    case 'word':
      return evaluateWord(context, node.value, isRecorded);
    case 'phrase':
      return evaluatePhrase(context, node.value, isRecorded);
    case 'filter':
      return evaluateFilter(context, node.filter);
    case 'not': {
      const excluded = evaluateNode(context, node.child, false);
      return excluded ? subtract(allLiveSlots(context.inverted), excluded) : null;
    }
    case 'and':
      return evaluateAnd(context, node.children, isRecorded);
    case 'or':
      return evaluateOr(context, node.children, isRecorded);
  }
}

/** True when the query holds words or phrases that count for relevance (not under NOT). */
export function hasRankedTerms(node: QueryNode): boolean {
  switch (node.type) {
    case 'word':
    case 'phrase':
      return true;
    case 'and':
    case 'or':
      return node.children.some((child) => hasRankedTerms(child));
    default:
      return false;
  }
}
