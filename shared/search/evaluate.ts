// Evaluates a query AST against the inverted index: words (expanded by prefix and typo through the
// vocabulary) and phrases are scored, filters read the integer columns. Every node yields a SlotScores:
// dense arrays over the slots, so AND, OR and NOT are single passes whatever the hit counts.
import { findTermId } from './inverted-index';
import type { InvertedIndex } from './inverted-index';
import { allLiveSlots, createSlotScores, scorePhrase, scoreTerms } from './scoring';
import type { SlotScores } from './scoring';
import { toPrimaryTerm, toQueryTermVariants, tokenizeText } from './options';
import { FACETS } from '../model';
import { ATTRIBUTE_BITS, COLLECTION_FACET, encodeAttribute } from './doc-columns';
import type { DocColumns } from './doc-columns';
import type { QueryFilter, QueryNode } from './query';
import { createLabelTest, normalizeFilterValue, toDayRange } from './filters';
import { expandQueryTerms } from './vocabulary';

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

function evaluateWord(context: EvaluationContext, value: string, isRecorded: boolean): SlotScores | null {
  const words = tokenizeText(value);
  if (words.length === 0) return null;
  const parts = words.map((word) => {
    const weights = expandQueryTerms(context.inverted, toQueryTermVariants(word));
    if (isRecorded) for (const id of weights.keys()) context.recordedTerms.add(context.inverted.terms[id] as string);
    return scoreTerms(context.inverted, weights);
  });
  return intersect(context, parts);
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
  return scorePhrase(context.inverted, ids);
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

function evaluateAnd(context: EvaluationContext, children: QueryNode[], isRecorded: boolean): SlotScores {
  const positives: SlotScores[] = [];
  const exclusions: SlotScores[] = [];
  for (const child of children) {
    const isNot = child.type === 'not';
    const scores = isNot ? evaluateNode(context, child.child, false) : evaluateNode(context, child, isRecorded);
    if (scores) (isNot ? exclusions : positives).push(scores);
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
