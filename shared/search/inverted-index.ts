// The inverted index behind the search: MiniSearch's tokenisation and BM25 scoring, but postings in
// flat typed arrays and documents in numbered slots, so a query is a pass over the postings it
// touches, with no Map lookup or object per posting. Removal leaves a tombstone; compaction and
// packing drop tombstones and the room lists outgrew, in bulk.
import { extractSearchField, SEARCH_FIELD_BOOSTS, toIndexTerms, tokenizeText } from './options';
import type { SearchDoc } from './search-doc';
import { forgetQueryCache } from './query-cache';

/** Indexed fields in MiniSearch's order (scores are summed in this order, so they agree). */
export const FIELDS = Object.keys(SEARCH_FIELD_BOOSTS) as (keyof typeof SEARCH_FIELD_BOOSTS)[];
export const FIELD_COUNT = FIELDS.length;
/** Field boosts in FIELDS order. */
export const FIELD_BOOSTS = Float64Array.from(FIELDS, (field) => SEARCH_FIELD_BOOSTS[field]);
/** Fields a phrase may match in (title, text, note: the first ones), recorded as term sequences per slot. */
export const PHRASE_FIELD_COUNT = 3;
/** Separates fields in a slot's term sequence: a phrase never spans two fields. */
export const FIELD_BREAK = -1;
/** Stands for a word without an index term, so the sequence stays aligned with the words. */
const NO_TERM = -2;
const WORD_CACHE_SIZE = 200_000;

/**
 * Postings of term t: entries[listStarts[t] .. + listLengths[t]], each slot * 8 + field ascending,
 * with the term frequency in tfs at the same place. A full list moves to the end of the pool.
 */
export interface InvertedIndex {
  /** Term → id; null after loading until the first add (queries binary-search sortedIds instead). */
  termIds: Map<string, number> | null;
  terms: string[];
  listStarts: Uint32Array;
  listLengths: Uint32Array;
  listCapacities: Uint32Array;
  entries: Uint32Array;
  tfs: Uint16Array;
  poolUsed: number;
  /** Live documents holding the term, per field: termId * FIELD_COUNT + field. */
  docFreqs: Int32Array;
  /** Live documents holding the term in any field (the vocabulary's counts). */
  docCounts: Int32Array;
  /** Term ids sorted by term, for prefix expansion; terms added since wait in `unsorted`. */
  sortedIds: Uint32Array;
  unsorted: number[];
  slotIds: string[];
  alive: Uint8Array;
  /** Distinct words per field (MiniSearch's field length): slot * FIELD_COUNT + field. */
  fieldLengths: Uint32Array;
  totalLengths: Float64Array;
  /**
   * Primary term ids of each slot's title, text and note words in order, separated by FIELD_BREAK:
   * sequences[sequenceStarts[slot] .. sequenceStarts[slot + 1]]. Phrases and snippets read them.
   */
  sequences: Int32Array;
  sequenceStarts: Uint32Array;
  slotCount: number;
  liveCount: number;
  /** Word → its term ids (id1 * 2^22 + id2 + 1), while building; not saved. */
  wordCache: Map<string, number>;
  /**
   * 1 for a term that is the Latin key of some Cyrillic word (its second index term): only these
   * can mark a Cyrillic word of a page under a Latin query word. Never cleared (a stale 1 only
   * costs a check).
   */
  keyTerms: Uint8Array;
}

/** An empty inverted index. */
export function createInvertedIndex(): InvertedIndex {
  return {
    termIds: new Map(),
    terms: [],
    listStarts: new Uint32Array(1024),
    listLengths: new Uint32Array(1024),
    listCapacities: new Uint32Array(1024),
    entries: new Uint32Array(1 << 16),
    tfs: new Uint16Array(1 << 16),
    poolUsed: 0,
    docFreqs: new Int32Array(1024 * FIELD_COUNT),
    docCounts: new Int32Array(1024),
    sortedIds: new Uint32Array(0),
    unsorted: [],
    slotIds: [],
    alive: new Uint8Array(1024),
    fieldLengths: new Uint32Array(1024 * FIELD_COUNT),
    totalLengths: new Float64Array(FIELD_COUNT),
    sequences: new Int32Array(1 << 16),
    sequenceStarts: new Uint32Array(1025),
    slotCount: 0,
    liveCount: 0,
    wordCache: new Map(),
    keyTerms: new Uint8Array(1024),
  };
}

type Growable = Uint8Array | Uint16Array | Uint32Array | Int32Array;

function grow<T extends Growable>(array: T, needed: number): T {
  if (needed <= array.length) return array;
  const next = new (array.constructor as new (length: number) => T)(Math.max(needed, Math.ceil(array.length * 1.5)));
  next.set(array);
  return next;
}

/** The id of a term, or undefined when no doc ever held it. */
export function findTermId(index: InvertedIndex, term: string): number | undefined {
  if (index.termIds) return index.termIds.get(term);
  const sorted = index.sortedIds;
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((index.terms[sorted[mid] as number] as string) < term) lo = mid + 1;
    else hi = mid;
  }
  const id = sorted[lo];
  return id !== undefined && index.terms[id] === term ? id : undefined;
}

function internTerm(index: InvertedIndex, term: string): number {
  // A loaded index builds its term map only when docs are added to it.
  index.termIds ??= new Map(index.terms.map((known, knownId) => [known, knownId]));
  let id = index.termIds.get(term);
  if (id !== undefined) return id;
  id = index.terms.length;
  index.termIds.set(term, id);
  index.terms.push(term);
  index.unsorted.push(id);
  index.listStarts = grow(index.listStarts, id + 1);
  index.listLengths = grow(index.listLengths, id + 1);
  index.listCapacities = grow(index.listCapacities, id + 1);
  index.docCounts = grow(index.docCounts, id + 1);
  index.docFreqs = grow(index.docFreqs, (id + 1) * FIELD_COUNT);
  return id;
}

function reservePool(index: InvertedIndex, size: number): number {
  const start = index.poolUsed;
  index.entries = grow(index.entries, start + size);
  index.tfs = grow(index.tfs, start + size);
  index.poolUsed += size;
  return start;
}

function appendPosting(index: InvertedIndex, id: number, entry: number, tf: number): void {
  let length = index.listLengths[id] as number;
  if (length === index.listCapacities[id]) {
    const capacity = Math.max(2, length * 2);
    const start = reservePool(index, capacity);
    const from = index.listStarts[id] as number;
    index.entries.copyWithin(start, from, from + length);
    index.tfs.copyWithin(start, from, from + length);
    index.listStarts[id] = start;
    index.listCapacities[id] = capacity;
  }
  const at = (index.listStarts[id] as number) + length;
  index.entries[at] = entry;
  index.tfs[at] = Math.min(tf, 0xffff);
  index.listLengths[id] = ++length;
}

// The term ids of a word, remembered: most words of a text were seen in earlier docs.
function lookUpWord(index: InvertedIndex, word: string): number {
  const cached = index.wordCache.get(word);
  if (cached !== undefined) return cached;
  const [first, second] = toIndexTerms(word);
  const secondId = second === undefined ? -1 : internTerm(index, second);
  if (secondId >= 0) {
    index.keyTerms = grow(index.keyTerms, secondId + 1);
    index.keyTerms[secondId] = 1;
  }
  const code = first === undefined ? -1 : internTerm(index, first) * 4_194_304 + secondId + 1;
  if (index.wordCache.size >= WORD_CACHE_SIZE) index.wordCache.clear();
  index.wordCache.set(word, code);
  return code;
}

const fieldCounts = { counts: new Int32Array(1024), touched: [] as number[], seen: new Map<string, number>() };

function countTerm(id: number): void {
  if (id >= fieldCounts.counts.length) fieldCounts.counts = grow(fieldCounts.counts, id + 1);
  if (fieldCounts.counts[id] === 0) fieldCounts.touched.push(id);
  fieldCounts.counts[id] = (fieldCounts.counts[id] as number) + 1;
}

function appendSequence(index: InvertedIndex, slot: number, value: number): void {
  const at = index.sequenceStarts[slot + 1] as number;
  index.sequences = grow(index.sequences, at + 1);
  index.sequences[at] = value;
  index.sequenceStarts[slot + 1] = at + 1;
}

function indexField(index: InvertedIndex, slot: number, f: number, text: string): void {
  const words = tokenizeText(text);
  const { seen } = fieldCounts;
  seen.clear();
  if (f > 0 && f < PHRASE_FIELD_COUNT) appendSequence(index, slot, FIELD_BREAK);
  for (const word of words) {
    seen.set(word, 1);
    const code = lookUpWord(index, word);
    if (code < 0) {
      if (f < PHRASE_FIELD_COUNT) appendSequence(index, slot, NO_TERM);
      continue;
    }
    const first = Math.floor(code / 4_194_304);
    const second = (code % 4_194_304) - 1;
    countTerm(first);
    if (second >= 0) countTerm(second);
    if (f < PHRASE_FIELD_COUNT) appendSequence(index, slot, first);
  }
  index.fieldLengths[slot * FIELD_COUNT + f] = seen.size;
  index.totalLengths[f] = (index.totalLengths[f] ?? 0) + seen.size;
  for (const id of fieldCounts.touched) {
    appendPosting(index, id, slot * 8 + f, fieldCounts.counts[id] as number);
    fieldCounts.counts[id] = 0;
    index.docFreqs[id * FIELD_COUNT + f] = (index.docFreqs[id * FIELD_COUNT + f] ?? 0) + 1;
    // The last posting of a term from an earlier field of this doc says the doc is counted already.
    const length = index.listLengths[id] as number;
    const previous = length > 1 ? (index.entries[(index.listStarts[id] as number) + length - 2] as number) : -1;
    if (previous < 0 || previous >>> 3 !== slot) index.docCounts[id] = (index.docCounts[id] as number) + 1;
  }
  fieldCounts.touched.length = 0;
}

/** Indexes a doc in a new slot and returns the slot. */
export function addSlot(index: InvertedIndex, doc: SearchDoc): number {
  forgetQueryCache(index);
  const slot = index.slotCount++;
  index.alive = grow(index.alive, slot + 1);
  index.fieldLengths = grow(index.fieldLengths, (slot + 1) * FIELD_COUNT);
  index.sequenceStarts = grow(index.sequenceStarts, slot + 2);
  index.sequenceStarts[slot + 1] = index.sequenceStarts[slot] as number;
  index.alive[slot] = 1;
  index.liveCount++;
  index.slotIds[slot] = doc.id;
  FIELDS.forEach((field, f) => indexField(index, slot, f, extractSearchField(doc, field)));
  return slot;
}

/** Forgets words remembered while building (they only speed up indexing). */
export function releaseBuildCaches(index: InvertedIndex): void {
  index.wordCache = new Map();
}

/** Tombstones a slot; `doc` must be the doc it was indexed from. */
export function removeSlot(index: InvertedIndex, slot: number, doc: SearchDoc): void {
  if (!index.alive[slot]) return;
  forgetQueryCache(index);
  index.alive[slot] = 0;
  index.liveCount--;
  const inDoc = new Set<number>();
  FIELDS.forEach((field, f) => {
    index.totalLengths[f] = (index.totalLengths[f] ?? 0) - (index.fieldLengths[slot * FIELD_COUNT + f] ?? 0);
    const inField = new Set<number>();
    for (const word of tokenizeText(extractSearchField(doc, field))) {
      for (const term of toIndexTerms(word)) {
        const id = findTermId(index, term);
        if (id !== undefined) inField.add(id);
      }
    }
    for (const id of inField) {
      index.docFreqs[id * FIELD_COUNT + f] = (index.docFreqs[id * FIELD_COUNT + f] ?? 0) - 1;
      inDoc.add(id);
    }
  });
  for (const id of inDoc) index.docCounts[id] = (index.docCounts[id] as number) - 1;
}

/** Slots whose postings are still stored but no longer count. */
export function countDeadSlots(index: InvertedIndex): number {
  return index.slotCount - index.liveCount;
}

/** The postings of a term: [start, end) in entries/tfs. */
export function listRange(index: InvertedIndex, id: number): [number, number] {
  const start = index.listStarts[id] as number;
  return [start, start + (index.listLengths[id] as number)];
}

/** The slot's term sequence (title, text and note word ids). */
export function readSequence(index: InvertedIndex, slot: number): Int32Array {
  return index.sequences.subarray(index.sequenceStarts[slot], index.sequenceStarts[slot + 1]);
}

/** The position in a phrase of its rarest term: scanning for it leaves the fewest places to check. */
export function findPhraseAnchor(index: InvertedIndex, phrase: Int32Array): number {
  let anchor = 0;
  for (let k = 1; k < phrase.length; k++) {
    if ((index.docCounts[phrase[k] as number] as number) < (index.docCounts[phrase[anchor] as number] as number)) anchor = k;
  }
  return anchor;
}

/** True when the slot's title, text or note holds the term ids consecutively. */
export function hasSequence(index: InvertedIndex, slot: number, phrase: Int32Array, anchor = 0): boolean {
  const target = phrase[anchor];
  if (target === undefined || !index.alive[slot]) return false;
  const first = (index.sequenceStarts[slot] as number) + anchor;
  const last = (index.sequenceStarts[slot + 1] as number) - phrase.length + anchor;
  if (last < first) return false;
  // The engine's native indexOf finds the anchor far faster than a loop over the words.
  const range = index.sequences.subarray(first, last + 1);
  const from = first - anchor;
  for (let at = range.indexOf(target); at !== -1; at = range.indexOf(target, at + 1)) {
    let k = 0;
    while (k < phrase.length && index.sequences[from + at + k] === phrase[k]) k++;
    if (k === phrase.length) return true;
  }
  return false;
}
