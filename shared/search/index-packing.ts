// Packing of the inverted index: the postings pool and the term sequences rewritten tight, in term
// and slot order, without tombstoned slots (after a bulk build, before saving, after many removals).
import { FIELD_COUNT, listRange } from './inverted-index';
import type { InvertedIndex } from './inverted-index';
import { forgetQueryCache } from './query-cache';

/**
 * Rewrites the postings pool and the sequences tightly, without tombstoned slots, renumbering the
 * live slots in order (so rankings and scores are unchanged). Returns the new slot of every old
 * slot (-1 for dropped ones).
 */
export function packIndex(index: InvertedIndex): Int32Array {
  forgetQueryCache(index); // slots are renumbered
  const remap = new Int32Array(index.slotCount).fill(-1);
  let live = 0;
  for (let slot = 0; slot < index.slotCount; slot++) if (index.alive[slot]) remap[slot] = live++;
  const termCount = index.terms.length;
  let total = 0;
  for (let id = 0; id < termCount; id++) total += index.listLengths[id] as number;
  const entries = new Uint32Array(total);
  const tfs = new Uint16Array(total);
  let at = 0;
  for (let id = 0; id < termCount; id++) {
    const [start, end] = listRange(index, id);
    const begin = at;
    for (let i = start; i < end; i++) {
      const entry = index.entries[i] as number;
      const slot = remap[entry >>> 3] as number;
      if (slot < 0) continue;
      entries[at] = slot * 8 + (entry & 7);
      tfs[at++] = index.tfs[i] as number;
    }
    index.listStarts[id] = begin;
    index.listLengths[id] = at - begin;
    index.listCapacities[id] = at - begin;
  }
  index.entries = entries.subarray(0, at);
  index.tfs = tfs.subarray(0, at);
  index.poolUsed = at;
  packSlots(index, remap, live);
  return remap;
}

function packSlots(index: InvertedIndex, remap: Int32Array, live: number): void {
  const starts = new Uint32Array(live + 1);
  let size = 0;
  for (let slot = 0; slot < index.slotCount; slot++) {
    if (remap[slot] as number >= 0) size += (index.sequenceStarts[slot + 1] as number) - (index.sequenceStarts[slot] as number);
  }
  const sequences = new Int32Array(size);
  const fieldLengths = new Uint32Array(live * FIELD_COUNT);
  for (let slot = 0, at = 0; slot < index.slotCount; slot++) {
    const to = remap[slot] as number;
    if (to < 0) continue;
    sequences.set(index.sequences.subarray(index.sequenceStarts[slot], index.sequenceStarts[slot + 1]), at);
    at += (index.sequenceStarts[slot + 1] as number) - (index.sequenceStarts[slot] as number);
    starts[to + 1] = at;
    fieldLengths.set(index.fieldLengths.subarray(slot * FIELD_COUNT, (slot + 1) * FIELD_COUNT), to * FIELD_COUNT);
    index.slotIds[to] = index.slotIds[slot] as string;
  }
  index.sequences = sequences;
  index.sequenceStarts = starts;
  index.fieldLengths = fieldLengths;
  index.slotIds.length = live;
  index.alive = new Uint8Array(live).fill(1);
  index.slotCount = live;
  index.liveCount = live;
}

