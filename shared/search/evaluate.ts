// Evaluates a query AST against the engine: words through MiniSearch (scored), phrases and filters
// against the doc store. Each node yields the matching doc ids with their scores.
import type MiniSearch from 'minisearch';
import { toPrimaryTerm, toQueryTermVariants, tokenizeText, tokenizeWithOffsets } from './options';
import type { QueryNode } from './query';
import { matchesFilter } from './filters';
import type { SearchDoc } from './search-doc';
import type { DocMatches } from './snippet';
import { expandQueryTerms } from './vocabulary';
import type { Vocabulary } from './vocabulary';

export interface EvaluationContext {
  engine: MiniSearch<SearchDoc>;
  docs: Map<string, SearchDoc>;
  vocabulary: Vocabulary;
  /** Filled with what matched per doc, for snippets (matches under NOT are left out). */
  matches: Map<string, DocMatches>;
}

type Scores = Map<string, number>;

function matchesOf(context: EvaluationContext, id: string): DocMatches {
  let found = context.matches.get(id);
  if (!found) {
    found = { terms: new Set(), phrases: [] };
    context.matches.set(id, found);
  }
  return found;
}

function allDocs(context: EvaluationContext): Scores {
  return new Map([...context.docs.keys()].map((id) => [id, 0]));
}

function intersect(parts: Scores[]): Scores {
  const [first, ...rest] = [...parts].sort((a, b) => a.size - b.size);
  const out: Scores = new Map();
  if (!first) return out;
  for (const [id, score] of first) {
    let total = score;
    let isEverywhere = true;
    for (const part of rest) {
      const other = part.get(id);
      if (other === undefined) { isEverywhere = false; break; }
      total += other;
    }
    if (isEverywhere) out.set(id, total);
  }
  return out;
}

function searchTerms(context: EvaluationContext, weights: Map<string, number>, isRecorded: boolean): Scores {
  const scores: Scores = new Map();
  if (weights.size === 0) return scores;
  const results = context.engine.search(
    { combineWith: 'OR', queries: [...weights.keys()] },
    { boostTerm: (term) => weights.get(term) ?? 1 },
  );
  for (const result of results) {
    scores.set(String(result.id), result.score);
    if (isRecorded) for (const term of result.terms) matchesOf(context, String(result.id)).terms.add(term);
  }
  return scores;
}

function evaluateWord(context: EvaluationContext, value: string, isRecorded: boolean): Scores | null {
  const words = tokenizeText(value);
  if (words.length === 0) return null;
  return intersect(
    words.map((word) => {
      const weights = expandQueryTerms(context.vocabulary, toQueryTermVariants(word));
      return searchTerms(context, weights, isRecorded);
    }),
  );
}

function containsSequence(text: string, phrase: string[]): boolean {
  const terms = tokenizeWithOffsets(text).map((span) => toPrimaryTerm(span.word));
  for (let i = 0; i + phrase.length <= terms.length; i++) {
    if (phrase.every((term, k) => terms[i + k] === term)) return true;
  }
  return false;
}

function evaluatePhrase(context: EvaluationContext, value: string, isRecorded: boolean): Scores | null {
  const phrase = tokenizeText(value).map((word) => toPrimaryTerm(word));
  if (phrase.length === 0) return null;
  const candidates = intersect(phrase.map((term) => searchTerms(context, new Map([[term, 1]]), false)));
  const scores: Scores = new Map();
  for (const [id, score] of candidates) {
    const doc = context.docs.get(id);
    if (!doc || ![doc.title, doc.text, doc.note].some((text) => containsSequence(text, phrase))) continue;
    scores.set(id, score);
    if (isRecorded) matchesOf(context, id).phrases.push(phrase);
  }
  return scores;
}

function evaluateAnd(context: EvaluationContext, children: QueryNode[], isRecorded: boolean): Scores {
  const positives: Scores[] = [];
  const exclusions: Scores[] = [];
  for (const child of children) {
    const scores = child.type === 'not' ? evaluateNode(context, child.child, false) : evaluateNode(context, child, isRecorded);
    if (scores) (child.type === 'not' ? exclusions : positives).push(scores);
  }
  const kept = positives.length > 0 ? intersect(positives) : allDocs(context);
  for (const excluded of exclusions) for (const id of excluded.keys()) kept.delete(id);
  return kept;
}

/** The docs matching a node with their scores; null when the node restricts nothing (no words). */
export function evaluateNode(context: EvaluationContext, node: QueryNode, isRecorded: boolean): Scores | null {
  switch (node.type) {
    case 'all':
      return null;
    case 'word':
      return evaluateWord(context, node.value, isRecorded);
    case 'phrase':
      return evaluatePhrase(context, node.value, isRecorded);
    case 'filter': {
      const scores: Scores = new Map();
      for (const [id, doc] of context.docs) if (matchesFilter(doc, node.filter)) scores.set(id, 0);
      return scores;
    }
    case 'not': {
      const excluded = evaluateNode(context, node.child, false);
      if (!excluded) return null;
      const kept = allDocs(context);
      for (const id of excluded.keys()) kept.delete(id);
      return kept;
    }
    case 'and':
      return evaluateAnd(context, node.children, isRecorded);
    case 'or': {
      // A side without words ("&") is ignored, as it would be on its own.
      const sides = node.children.flatMap((child) => evaluateNode(context, child, isRecorded) ?? []);
      if (sides.length === 0) return null;
      const union: Scores = new Map();
      for (const scores of sides) {
        for (const [id, score] of scores) union.set(id, (union.get(id) ?? 0) + score);
      }
      return union;
    }
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
