// Guards the engine against MiniSearch on random corpora and queries: the same hits under the query
// language's rules, MiniSearch's BM25 for a word, and updates, packing and saving that change nothing.
import fc from 'fast-check';
import MiniSearch from 'minisearch';
import { describe, expect, it } from 'vitest';
import { FACETS } from '../model';
import { matchesFilter } from './filters';
import {
  addOrReplaceDoc,
  compactSearchIndex,
  createSearchIndex,
  loadSearchIndex,
  loadSearchIndexBinary,
  parseQuery,
  removeDoc,
  searchArchive,
  serializeSearchIndex,
  serializeSearchIndexBinary,
} from './index';
import type { QueryNode, SearchDoc, SearchResult } from './index';
import { findTermId } from './inverted-index';
import { scoreTerms } from './scoring';
import { SEARCH_INDEX_OPTIONS, toIndexTerms, toPrimaryTerm, toQueryTermVariants, tokenizeText } from './options';
import { createRandom, makeCorpus, makeDoc, makeQuery, makeVocabulary, pick } from './random-corpus.fixture';

type Reference = { engine: MiniSearch<SearchDoc>; docs: SearchDoc[] };

function buildReference(docs: SearchDoc[]): Reference {
  const engine = new MiniSearch<SearchDoc>(SEARCH_INDEX_OPTIONS);
  engine.addAll(docs);
  return { engine, docs };
}

// A word matches the docs holding an index term that begins with one of its query variants
// (MiniSearch's own prefix search); null when nothing begins so (the typo fallback is not compared).
function matchWord(reference: Reference, word: string): Set<string> | null {
  const ids = new Set<string>();
  for (const { term } of toQueryTermVariants(word)) {
    for (const hit of reference.engine.search(term, { prefix: true })) ids.add(String(hit.id));
  }
  return ids.size > 0 ? ids : null;
}

function hasPhrase(doc: SearchDoc, phrase: string[]): boolean {
  return [doc.title, doc.text, doc.note].some((text) => {
    const terms = tokenizeText(text).map((word) => toPrimaryTerm(word));
    return terms.some((_, i) => phrase.every((term, k) => terms[i + k] === term));
  });
}

class NotCompared extends Error {}

function evaluateReference(reference: Reference, node: QueryNode): Set<string> | null {
  const all = (): Set<string> => new Set(reference.docs.map((doc) => doc.id));
  const intersect = (sets: Set<string>[]): Set<string> =>
    sets.reduce((a, b) => new Set([...a].filter((id) => b.has(id))));
  switch (node.type) {
    case 'all':
      return null;
    case 'word': {
      const words = tokenizeText(node.value);
      if (words.length === 0) return null;
      return intersect(words.map((word) => matchWord(reference, word) ?? (() => { throw new NotCompared(); })()));
    }
    case 'phrase': {
      const phrase = tokenizeText(node.value).map((word) => toPrimaryTerm(word));
      if (phrase.length === 0) return null;
      return new Set(reference.docs.filter((doc) => hasPhrase(doc, phrase)).map((doc) => doc.id));
    }
    case 'filter':
      return new Set(reference.docs.filter((doc) => matchesFilter(doc, node.filter)).map((doc) => doc.id));
    case 'not': {
      const excluded = evaluateReference(reference, node.child);
      return excluded ? new Set([...all()].filter((id) => !excluded.has(id))) : null;
    }
    case 'and': {
      const parts = node.children.flatMap((child) => evaluateReference(reference, child) ?? []);
      return parts.length === 0 ? null : intersect(parts);
    }
    case 'or': {
      const sides = node.children.flatMap((child) => evaluateReference(reference, child) ?? []);
      return sides.length === 0 ? null : new Set(sides.flatMap((side) => [...side]));
    }
  }
}

function searchAll(index: Parameters<typeof searchArchive>[0], query: string): SearchResult {
  return searchArchive(index, query, { limit: 1000 });
}

describe('the engine against MiniSearch', () => {
  it('finds the same docs under the query language rules, on random corpora and queries', () => {
    let compared = 0;
    fc.assert(
      fc.property(fc.integer(), (seed) => {
        const random = createRandom(seed);
        const vocabulary = makeVocabulary(random);
        const docs = makeCorpus(random, vocabulary, 40);
        const reference = buildReference(docs);
        const index = createSearchIndex(docs);
        for (let q = 0; q < 15; q++) {
          const query = makeQuery(random, vocabulary, docs);
          const parsed = parseQuery(query);
          if (!parsed.ok) continue;
          let expected: Set<string>;
          try {
            expected = evaluateReference(reference, parsed.query) ?? new Set(docs.map((doc) => doc.id));
          } catch (caught) {
            if (caught instanceof NotCompared) continue;
            throw caught;
          }
          const found = searchAll(index, query).hits.map((hit) => hit.id);
          expect({ query, ids: found.sort() }).toEqual({ query, ids: [...expected].sort() });
          compared++;
        }
      }),
      { numRuns: 25 },
    );
    expect(compared).toBeGreaterThan(200);
  });

  it('scores a word with MiniSearch’s BM25, field boosts included', () => {
    const random = createRandom(7);
    const vocabulary = makeVocabulary(random);
    const docs = makeCorpus(random, vocabulary, 60);
    const reference = buildReference(docs);
    const index = createSearchIndex(docs);
    for (const word of vocabulary) {
      const term = toIndexTerms(word)[0] ?? '';
      const expected = new Map(reference.engine.search(term).map((hit) => [String(hit.id), hit.score]));
      const scores = scoreTerms(index.inverted, new Map([[findTermId(index.inverted, term) ?? -1, 1]]));
      const found = new Map<string, number>();
      scores.hit.forEach((isHit, slot) => {
        if (isHit) found.set(index.inverted.slotIds[slot] ?? '', scores.score[slot] ?? 0);
      });
      expect([...found.keys()].sort()).toEqual([...expected.keys()].sort());
      for (const [id, score] of expected) expect(found.get(id)).toBeCloseTo(score, 9);
    }
  });

  it('counts facets and months over the whole result set as the docs say', () => {
    const random = createRandom(11);
    const vocabulary = makeVocabulary(random);
    const docs = makeCorpus(random, vocabulary, 80);
    const byId = new Map(docs.map((doc) => [doc.id, doc]));
    const index = createSearchIndex(docs);
    for (let q = 0; q < 25; q++) {
      const result = searchAll(index, makeQuery(random, vocabulary, docs));
      const matched = result.hits.map((hit) => byId.get(hit.id) as SearchDoc);
      for (const facet of FACETS) {
        const values = new Set(matched.flatMap((doc) => doc.tags[facet]));
        const expected = [...values].map((value) => ({ value, count: matched.filter((doc) => doc.tags[facet].includes(value)).length }));
        expect(new Set(result.facets[facet].map((f) => `${f.value}:${f.count}`))).toEqual(new Set(expected.map((f) => `${f.value}:${f.count}`)));
      }
      const months = new Set(matched.flatMap((doc) => (doc.date && doc.date.length >= 7 ? [doc.date.slice(0, 7)] : [])));
      expect(result.months.map((m) => m.month)).toEqual([...months].sort());
      for (const { month, count } of result.months) {
        expect(count).toBe(matched.filter((doc) => doc.date?.startsWith(month) && doc.date.length >= 7).length);
      }
      const years = result.facets.year.reduce((sum, f) => sum + f.count, 0);
      expect(years).toBe(matched.filter((doc) => doc.date !== null).length);
    }
  });
});

describe('the engine over time', () => {
  const strip = (result: SearchResult): unknown => ({
    ...result,
    hits: result.hits.map((hit) => ({ ...hit, score: Math.round(hit.score * 1e6) })),
  });

  it('gives a fresh build’s results after random adds, replacements, removals and packing', () => {
    fc.assert(
      fc.property(fc.integer(), (seed) => {
        const random = createRandom(seed);
        const vocabulary = makeVocabulary(random);
        const live = createSearchIndex(makeCorpus(random, vocabulary, 20));
        const current = new Map<string, SearchDoc>();
        for (let i = 0; i < 20; i++) current.set(`doc-${i}`, live.docs.get(`doc-${i}`) as SearchDoc);
        for (let step = 0; step < 40; step++) {
          const id = `doc-${Math.floor(random() * 30)}`;
          if (random() < 0.3) {
            removeDoc(live, id);
            current.delete(id);
          } else {
            const doc = makeDoc(random, vocabulary, id);
            addOrReplaceDoc(live, doc);
            current.set(id, doc);
          }
          if (step === 20) compactSearchIndex(live);
        }
        const fresh = createSearchIndex([...current.values()].sort((a, b) => (a.id < b.id ? -1 : 1)));
        for (let q = 0; q < 10; q++) {
          const query = makeQuery(random, vocabulary, [...current.values()]);
          expect(strip(searchAll(live, query))).toEqual(strip(searchAll(fresh, query)));
        }
      }),
      { numRuns: 15 },
    );
  });

  it('loads a save made before key terms were recorded to the same results, highlights included', () => {
    const random = createRandom(9);
    const vocabulary = makeVocabulary(random);
    const docs = makeCorpus(random, vocabulary, 50);
    const index = createSearchIndex(docs);
    const saved = serializeSearchIndexBinary(index);
    // The same bytes without the keyTerms section, as the engine wrote them before it had one.
    const view = new DataView(saved.buffer, saved.byteOffset, saved.byteLength);
    const headerLength = view.getUint32(8);
    const header = JSON.parse(new TextDecoder().decode(saved.subarray(12, 12 + headerLength))) as { sections: Record<string, unknown> };
    delete header.sections.keyTerms;
    const headerBytes = new TextEncoder().encode(JSON.stringify(header));
    const oldStart = Math.ceil((12 + headerLength) / 8) * 8;
    const newStart = Math.ceil((12 + headerBytes.length) / 8) * 8;
    const older = new Uint8Array(newStart + saved.length - oldStart);
    older.set(saved.subarray(0, 12));
    new DataView(older.buffer).setUint32(8, headerBytes.length);
    older.set(headerBytes, 12);
    older.set(saved.subarray(oldStart), newStart);
    const loaded = loadSearchIndexBinary(older);
    const queries = [...vocabulary.map((word) => word.slice(0, 3)), ...Array.from({ length: 20 }, () => makeQuery(random, vocabulary, docs))];
    for (const query of queries) expect(searchAll(loaded, query)).toEqual(searchAll(index, query));
  });

  it('loads its binary and text saves to the same results, and keeps updating after a load', () => {
    const random = createRandom(3);
    const vocabulary = makeVocabulary(random);
    const docs = makeCorpus(random, vocabulary, 50);
    const index = createSearchIndex(docs);
    removeDoc(index, 'doc-3');
    const saved = serializeSearchIndexBinary(index);
    const fromBytes = loadSearchIndexBinary(saved);
    const fromText = loadSearchIndex(serializeSearchIndex(index));
    // A loaded index hands its saved docs back as they were (not decoded and encoded again).
    expect(serializeSearchIndexBinary(loadSearchIndexBinary(saved.slice()))).toEqual(saved);
    const queries = Array.from({ length: 30 }, () => makeQuery(random, vocabulary, docs));
    for (const query of queries) {
      expect(searchAll(fromBytes, query)).toEqual(searchAll(index, query));
      expect(searchAll(fromText, query)).toEqual(searchAll(index, query));
    }
    const extra = makeDoc(random, vocabulary, 'doc-extra');
    for (const target of [index, fromBytes]) {
      addOrReplaceDoc(target, extra);
      removeDoc(target, 'doc-7');
    }
    const word = pick(random, tokenizeText(extra.text || extra.title));
    for (const query of [...queries, word]) expect(searchAll(fromBytes, query)).toEqual(searchAll(index, query));
  });
});
