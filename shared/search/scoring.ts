// Scoring of query words and phrases as MiniSearch scores them (BM25 with its parameters, field
// boosts, expansion weights), into dense per-slot arrays that are recycled between searches.
import { FIELD_BOOSTS, FIELD_COUNT, findPhraseAnchor, hasSequence, listRange, PHRASE_FIELD_COUNT } from './inverted-index';
import type { InvertedIndex } from './inverted-index';

/** A set of slots with a score each: the value every query node evaluates to. */
export interface SlotScores {
  hit: Uint8Array;
  score: Float64Array;
}

// MiniSearch's BM25 parameters (defaults of 7.2).
const BM25_K = 1.2;
const BM25_B = 0.7;
const BM25_D = 0.5;

// Slot arrays of finished searches, reused: a query over 100,000 slots would otherwise allocate
// (and the collector later free) close to a megabyte per word, filter and phrase.
// At most this many slots pooled in all (about 70 MB), and never more than 16 arrays.
const MAX_POOLED_SLOTS = 8_000_000;
const MAX_POOLED = 16;
const pooled: SlotScores[] = [];
const lent: SlotScores[] = [];

/** Empty slot scores sized for the index (recycled ones once releaseSlotScores has run). */
export function createSlotScores(index: InvertedIndex): SlotScores {
  return lendSlotScores(index, null);
}

/** Slot scores holding a copy of `from` (arrays sized for the index), recycled like createSlotScores's. */
export function copySlotScores(index: InvertedIndex, from: SlotScores): SlotScores {
  return lendSlotScores(index, from);
}

function lendSlotScores(index: InvertedIndex, from: SlotScores | null): SlotScores {
  let out = pooled.pop();
  while (out && out.hit.length !== index.slotCount) out = pooled.pop();
  if (!out) {
    out = { hit: new Uint8Array(index.slotCount), score: new Float64Array(index.slotCount) };
  } else if (!from) {
    out.hit.fill(0);
    out.score.fill(0);
  }
  if (from) {
    out.hit.set(from.hit);
    out.score.set(from.score);
  }
  if (lent.length < MAX_POOLED) lent.push(out);
  return out;
}

/**
 * Hands every slot array created since the last call back for reuse: call once nothing reads
 * the results of the search that made them any more.
 */
export function releaseSlotScores(): void {
  for (const scores of lent) {
    const limit = Math.min(MAX_POOLED, Math.floor(MAX_POOLED_SLOTS / Math.max(1, scores.hit.length)));
    if (pooled.length < limit) pooled.push(scores);
  }
  lent.length = 0;
}

/** Every live slot, with score 0. */
export function allLiveSlots(index: InvertedIndex): SlotScores {
  const out = createSlotScores(index);
  out.hit.set(index.alive.subarray(0, index.slotCount));
  return out;
}

function inverseDocFrequencies(index: InvertedIndex, id: number): Float64Array {
  const idf = new Float64Array(FIELD_COUNT);
  for (let f = 0; f < FIELD_COUNT; f++) {
    const df = index.docFreqs[id * FIELD_COUNT + f] ?? 0;
    idf[f] = Math.log(1 + (index.liveCount - df + 0.5) / (df + 0.5));
  }
  return idf;
}

// BM25's length normalisation k * (1 - b + b * length / average), as base + slope * length per field.
function lengthSlopes(index: InvertedIndex): Float64Array {
  return Float64Array.from(index.totalLengths, (total) => (BM25_K * BM25_B * index.liveCount) / total);
}

const BM25_BASE = BM25_K * (1 - BM25_B);

// Per field: the term's weight × field boost × idf.
function termFactors(index: InvertedIndex, id: number, weight: number, into: Float64Array): Float64Array {
  const idf = inverseDocFrequencies(index, id);
  for (let f = 0; f < FIELD_COUNT; f++) into[f] = weight * (FIELD_BOOSTS[f] as number) * (idf[f] as number);
  return into;
}

// Slots scored at a time: the score, hit and field-length entries of a block stay in the core's
// cache while every term's postings for the block are added (a prefix can bring in thousands of
// terms, whose postings would otherwise hit the whole score array at random, term after term).
const BLOCK_SLOTS = 8192;

/**
 * Scores the docs holding any of the weighted terms (by id) as MiniSearch scores a prefix query: BM25
 * per term and field (MiniSearch's k, b, d and document counts), times the field boost and the term's
 * weight, summed over the terms and fields the doc matched (in the terms' order, block by block of
 * slots: every slot's sum is the same as term after term). With `within` (1 for some live slots),
 * only the slots it marks are scored and hit (each with the very sum it gets without it): an AND passes the slots its other
 * words left, so a common prefix typed last is not scored over the whole archive.
 */
export function scoreTerms(
  index: InvertedIndex,
  weights: Map<number, number>,
  blockSlots = BLOCK_SLOTS,
  within: Uint8Array | null = null,
): SlotScores {
  const out = createSlotScores(index);
  const slopes = lengthSlopes(index);
  const { alive, fieldLengths, entries, tfs } = index;
  // Dead slots are never in `within` (it is made of hits), so one test covers both.
  const skipped = within ?? (index.liveCount !== index.slotCount ? alive : null);
  const { hit, score } = out;
  const count = weights.size;
  const factors = new Float64Array(count * FIELD_COUNT);
  const cursors = new Uint32Array(count);
  const ends = new Uint32Array(count);
  let t = 0;
  for (const [id, weight] of weights) {
    termFactors(index, id, weight, factors.subarray(t * FIELD_COUNT, (t + 1) * FIELD_COUNT));
    [cursors[t], ends[t]] = listRange(index, id);
    t++;
  }
  for (let blockStart = 0; blockStart < index.slotCount; blockStart += blockSlots) {
    const limit = (blockStart + blockSlots) * 8; // entries are slot * 8 + field
    for (t = 0; t < count; t++) {
      const end = ends[t] as number;
      const base = t * FIELD_COUNT;
      let i = cursors[t] as number;
      for (; i < end; i++) {
        const entry = entries[i] as number;
        if (entry >= limit) break;
        const slot = entry >>> 3;
        if (skipped !== null && skipped[slot] === 0) continue;
        const f = entry & 7;
        const tf = tfs[i] as number;
        const norm = BM25_BASE + (slopes[f] as number) * (fieldLengths[slot * FIELD_COUNT + f] as number);
        score[slot] = (score[slot] as number) + (factors[base + f] as number) * (BM25_D + (tf * (BM25_K + 1)) / (tf + norm));
        hit[slot] = 1;
      }
      cursors[t] = i;
    }
  }
  return out;
}

// Adds each term's score (summed over its fields first, as scoreTerms sums it) to the slots already
// hit, in the given order: the sum an AND of the terms' own scores gives, to the last bit.
function addTermScores(index: InvertedIndex, ids: Int32Array, out: SlotScores): void {
  const slopes = lengthSlopes(index);
  const { fieldLengths, entries, tfs } = index;
  const { hit, score } = out;
  const factors = new Float64Array(FIELD_COUNT);
  for (const id of ids) {
    termFactors(index, id, 1, factors);
    const [start, end] = listRange(index, id);
    let slot = -1;
    let sum = 0;
    for (let i = start; i < end; i++) {
      const entry = entries[i] as number;
      if (hit[entry >>> 3] === 0) continue;
      if (entry >>> 3 !== slot) {
        if (slot >= 0) score[slot] = (score[slot] as number) + sum;
        slot = entry >>> 3;
        sum = 0;
      }
      const f = entry & 7;
      const tf = tfs[i] as number;
      const norm = BM25_BASE + (slopes[f] as number) * (fieldLengths[slot * FIELD_COUNT + f] as number);
      sum += (factors[f] as number) * (BM25_D + (tf * (BM25_K + 1)) / (tf + norm));
    }
    if (slot >= 0) score[slot] = (score[slot] as number) + sum;
  }
}

// Counts, in `counts`, the distinct terms of the phrase each slot holds (at most 255 terms checked).
function countPhraseTerms(index: InvertedIndex, phrase: Int32Array, counts: Uint8Array): number {
  const distinct = [...new Set(phrase)].slice(0, 255);
  for (const id of distinct) {
    const [start, end] = listRange(index, id);
    let previous = -1;
    for (let i = start; i < end; i++) {
      const slot = (index.entries[i] as number) >>> 3;
      if (slot !== previous) counts[slot] = (counts[slot] as number) + 1;
      previous = slot;
    }
  }
  return distinct.length;
}

/**
 * The docs whose title, text or note hold the term ids consecutively, scored as the AND of the
 * terms. Candidates are the docs holding every term (a merge of their postings), each then checked
 * on its term sequence from the rarest term.
 */
export function scorePhrase(index: InvertedIndex, phrase: Int32Array): SlotScores {
  const single = phrase.length === 1 ? (phrase[0] as number) : -1;
  if (single >= 0 && index.keyTerms[single] !== 1) return scoreSingleTermPhrase(index, single);
  const out = createSlotScores(index);
  const needed = countPhraseTerms(index, phrase, out.hit);
  const anchor = findPhraseAnchor(index, phrase);
  const [start, end] = listRange(index, phrase[anchor] as number);
  const found: number[] = [];
  let previous = -1;
  for (let i = start; i < end; i++) {
    const slot = (index.entries[i] as number) >>> 3;
    if (slot === previous) continue;
    previous = slot;
    if (out.hit[slot] === needed && hasSequence(index, slot, phrase, anchor)) found.push(slot);
  }
  out.hit.fill(0);
  for (const slot of found) out.hit[slot] = 1;
  addTermScores(index, phrase, out);
  return out;
}

/**
 * A phrase of one word (typing `"по` on the way to a phrase): the docs holding the term in their
 * title, text or note. Those postings come from the words of these fields, whose primary terms are
 * the sequences, unless the term is also some Cyrillic word's Latin key (not its primary term):
 * the caller checks that (keyTerms), so the term sequences need no scan.
 */
function scoreSingleTermPhrase(index: InvertedIndex, id: number): SlotScores {
  const out = createSlotScores(index);
  const { entries, alive } = index;
  const [start, end] = listRange(index, id);
  for (let i = start; i < end; i++) {
    const entry = entries[i] as number;
    if ((entry & 7) < PHRASE_FIELD_COUNT && alive[entry >>> 3] !== 0) out.hit[entry >>> 3] = 1;
  }
  addTermScores(index, Int32Array.of(id), out);
  return out;
}
