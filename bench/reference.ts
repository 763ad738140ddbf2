// The agreement reference: a second MiniSearch holding the same docs under the app's matching
// rules, so "same hits" compares what matches, not how two engines tokenize. The rules (also in
// docs/performance.md):
// - fields title, text, note, highlights, tags; the app's tokenizer and index terms (processTerm);
// - a query word matches a doc holding an index term that begins with one of the word's query
//   variants (its stem, transliteration key…); only when no doc holds such a term, an index term
//   with the same first letter within the word's typo budget (0 up to 3 letters, 1 up to 7, then
//   2; none with digits) of the variant, either as a whole or in one of its prefixes;
// - words, phrases and filters are all required (AND); a word the tokenizer splits is all its parts;
// - a phrase needs its words' primary terms in sequence in the title, text or note;
// - filters test the doc's tags, date, language and status as the query language defines them.
// Scores are MiniSearch's (BM25 with the app's field boosts), summed over a query's words.
import MiniSearch from 'minisearch';
import { FACETS } from '../shared/model';
import { parseQuery } from '../shared/search';
import type { QueryFilter, QueryNode, SearchDoc } from '../shared/search';
import { toIndexTerms, toPrimaryTerm, toQueryTermVariants, tokenizeText } from '../shared/search/options';

type Scores = Map<string, number>;

const BOOSTS = { title: 2, text: 1, note: 1, highlights: 1, tags: 0.5 };

function readField(doc: SearchDoc, field: string): string {
  if (field === 'tags') return FACETS.flatMap((facet) => doc.tags[facet]).join('\n');
  if (field === 'highlights') return doc.highlights.join('\n');
  return field === 'title' || field === 'text' || field === 'note' || field === 'id' ? doc[field] : '';
}

export interface ReferenceIndex {
  engine: MiniSearch<SearchDoc>;
  docs: Map<string, SearchDoc>;
  /** Every index term, sorted: typo matching scans the terms sharing a first letter. */
  terms: string[];
}

function collectTerms(docs: SearchDoc[]): string[] {
  const terms = new Set<string>();
  for (const doc of docs) {
    for (const field of Object.keys(BOOSTS)) {
      for (const word of tokenizeText(readField(doc, field))) for (const term of toIndexTerms(word)) terms.add(term);
    }
  }
  return [...terms].sort();
}

/** Builds the reference index over the docs. */
export function buildReferenceIndex(docs: SearchDoc[]): ReferenceIndex {
  const engine = new MiniSearch<SearchDoc>({
    idField: 'id',
    fields: Object.keys(BOOSTS),
    extractField: (doc, field) => readField(doc, field),
    tokenize: (text) => tokenizeText(text),
    processTerm: (term) => toIndexTerms(term),
    searchOptions: { tokenize: (text) => [text], processTerm: (term) => term, boost: BOOSTS },
  });
  engine.addAll(docs);
  return { engine, docs: new Map(docs.map((doc) => [doc.id, doc])), terms: collectTerms(docs) };
}

/** The typo budget of a query term: none up to 3 letters or with digits, 1 up to 7, then 2. */
export function typoBudget(term: string): number {
  if (term.length <= 3 || /\d/.test(term)) return 0;
  return term.length <= 7 ? 1 : 2;
}

function addResults(into: Scores, results: { id: unknown; score: number }[]): void {
  for (const result of results) into.set(String(result.id), (into.get(String(result.id)) ?? 0) + result.score);
}

function matchWord(index: ReferenceIndex, word: string): Scores {
  const variants = toQueryTermVariants(word).map((variant) => variant.term);
  const scores: Scores = new Map();
  for (const term of variants) addResults(scores, index.engine.search(term, { prefix: true, fuzzy: false }));
  if (scores.size > 0) return scores;
  const typoTerms = new Set(variants.flatMap((term) => findTypoTerms(index.terms, term)));
  if (typoTerms.size === 0) return scores;
  // Exact look-ups of the terms found, at MiniSearch's own weight for a fuzzy match.
  const query = { combineWith: 'OR' as const, queries: [...typoTerms] };
  addResults(scores, index.engine.search(query, { prefix: false, fuzzy: false, boostTerm: () => 0.45 }));
  return scores;
}

/** Edit distance of a to b as a whole, and the smallest one of a to any prefix of b. */
export function measureEditDistances(a: string, b: string): { whole: number; prefix: number } {
  let previous = Array.from({ length: a.length + 1 }, (_, j) => j);
  let prefix = previous[a.length] ?? 0;
  for (let i = 1; i <= b.length; i++) {
    const current = [i];
    for (let j = 1; j <= a.length; j++) {
      const substitution = (previous[j - 1] ?? 0) + (b[i - 1] === a[j - 1] ? 0 : 1);
      current.push(Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, substitution));
    }
    prefix = Math.min(prefix, current[a.length] ?? 0);
    previous = current;
  }
  return { whole: previous[a.length] ?? 0, prefix };
}

function lowerBound(terms: string[], value: string): number {
  let lo = 0;
  let hi = terms.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((terms[mid] ?? '') < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function findTypoTerms(terms: string[], query: string): string[] {
  const budget = typoBudget(query);
  const first = query[0];
  if (budget === 0 || first === undefined) return [];
  const end = lowerBound(terms, String.fromCharCode(first.charCodeAt(0) + 1));
  const found: string[] = [];
  for (let i = lowerBound(terms, first); i < end; i++) {
    const term = terms[i] ?? '';
    // The whole term is one of its prefixes, and prefixes longer than query + budget are out of
    // reach: comparing with that much of the term decides both ways of matching.
    if (measureEditDistances(query, term.slice(0, query.length + budget)).prefix <= budget) found.push(term);
  }
  return found;
}

function intersect(parts: Scores[]): Scores {
  const [first, ...rest] = parts;
  if (!first) return new Map();
  const out: Scores = new Map();
  for (const [id, score] of first) {
    let total = score;
    let isEverywhere = true;
    for (const part of rest) {
      const other = part.get(id);
      if (other === undefined) {
        isEverywhere = false;
        break;
      }
      total += other;
    }
    if (isEverywhere) out.set(id, total);
  }
  return out;
}

function hasSequence(text: string, phrase: string[]): boolean {
  const terms = tokenizeText(text).map((word) => toPrimaryTerm(word));
  for (let i = 0; i + phrase.length <= terms.length; i++) {
    if (phrase.every((term, k) => terms[i + k] === term)) return true;
  }
  return false;
}

function matchPhrase(index: ReferenceIndex, value: string): Scores {
  const phrase = tokenizeText(value).map((word) => toPrimaryTerm(word));
  const parts = phrase.map((term) => {
    const scores: Scores = new Map();
    addResults(scores, index.engine.search(term, { prefix: false, fuzzy: false }));
    return scores;
  });
  const out: Scores = new Map();
  for (const [id, score] of intersect(parts)) {
    const doc = index.docs.get(id);
    if (doc && [doc.title, doc.text, doc.note].some((text) => hasSequence(text, phrase))) out.set(id, score);
  }
  return out;
}

const fold = (value: string): string => value.normalize('NFC').toLowerCase().replace(/ё/g, 'е').replace(/\s+/g, ' ').trim();

function startOf(date: string): string {
  return date.length === 4 ? `${date}-01-01` : date.length === 7 ? `${date}-01` : date;
}

function endOf(date: string): string {
  return date.length === 4 ? `${date}-12-31` : date.length === 7 ? `${date}-31` : date;
}

/** The query language's filters, restated from docs/query-language.md. */
export function passesFilter(doc: SearchDoc, filter: QueryFilter): boolean {
  const hasLabel = (labels: string[], value: string): boolean => labels.some((label) => fold(label) === fold(value));
  switch (filter.key) {
    case 'date':
      if (doc.date === null) return false;
      return (filter.from === null || endOf(doc.date) >= startOf(filter.from)) && (filter.to === null || startOf(doc.date) <= endOf(filter.to));
    case 'exercise':
      return doc.tags.exercise.some((label) => [fold(label), fold(label).replace(/[-\s]*\d{4}$/, '')].includes(fold(filter.value)));
    case 'tag':
      return FACETS.some((facet) => hasLabel(doc.tags[facet], filter.value));
    case 'lang':
      return doc.lang === filter.value;
    case 'status':
      return doc.status === filter.value;
    case 'in':
      return hasLabel(doc.collections, filter.value);
    case 'has':
      if (filter.value === 'note') return doc.note.trim() !== '';
      if (filter.value === 'highlights') return doc.highlights.length > 0;
      if (filter.value === 'date') return doc.date !== null;
      return FACETS.some((facet) => doc.tags[facet].length > 0);
    default:
      return hasLabel(doc.tags[filter.key], filter.value);
  }
}

function allOf(index: ReferenceIndex): Scores {
  return new Map([...index.docs.keys()].map((id) => [id, 0]));
}

function evaluate(index: ReferenceIndex, node: QueryNode): Scores | null {
  switch (node.type) {
    case 'all':
      return null;
    case 'word': {
      const words = tokenizeText(node.value);
      return words.length === 0 ? null : intersect(words.map((word) => matchWord(index, word)));
    }
    case 'phrase':
      return tokenizeText(node.value).length === 0 ? null : matchPhrase(index, node.value);
    case 'filter':
      return new Map([...index.docs.values()].filter((doc) => passesFilter(doc, node.filter)).map((doc) => [doc.id, 0]));
    case 'and': {
      const parts = node.children.flatMap((child) => evaluate(index, child) ?? []);
      return parts.length === 0 ? null : intersect(parts);
    }
    case 'not': {
      const excluded = evaluate(index, node.child);
      if (!excluded) return null;
      const kept = allOf(index);
      for (const id of excluded.keys()) kept.delete(id);
      return kept;
    }
    case 'or': {
      const sides = node.children.flatMap((child) => evaluate(index, child) ?? []);
      if (sides.length === 0) return null;
      const union: Scores = new Map();
      for (const side of sides) addResults(union, [...side].map(([id, score]) => ({ id, score })));
      return union;
    }
  }
}

function hasWords(node: QueryNode): boolean {
  if (node.type === 'word' || node.type === 'phrase') return true;
  return node.type === 'and' || node.type === 'or' ? node.children.some(hasWords) : false;
}

/** The ids a query matches under the reference rules, ranked as the app ranks (relevance, or date without words). */
export function searchReference(index: ReferenceIndex, query: string): string[] {
  const parsed = parseQuery(query);
  if (!parsed.ok) return [];
  const scores = evaluate(index, parsed.query) ?? allOf(index);
  const byRelevance = hasWords(parsed.query);
  const date = (id: string): string => index.docs.get(id)?.date ?? '';
  return [...scores.keys()].sort((a, b) => {
    const byScore = (scores.get(b) ?? 0) - (scores.get(a) ?? 0);
    const byDate = date(a) === date(b) ? 0 : date(a) < date(b) ? 1 : -1;
    const order = byRelevance ? byScore || byDate : byDate || byScore;
    return order || (a < b ? -1 : a > b ? 1 : 0);
  });
}
