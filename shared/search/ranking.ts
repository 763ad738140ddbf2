// Ordering of results: only the requested page is sorted (a bounded heap keeps the best
// offset + limit slots), so 100,000 hits cost one pass, not a full sort.
import type { DocColumns } from './doc-columns';

export type SortOrder = 'relevance' | 'date' | 'date-asc';

type Compare = (a: number, b: number) => number;

function compareDates(a: number, b: number, direction: 1 | -1): number {
  if (a === b) return 0;
  if (a === 0) return 1; // undated docs last in both directions
  if (b === 0) return -1;
  return a < b ? -direction : direction;
}

/**
 * A slot's first sort key as a number, larger first: when rank(a) < rank(b), `a` comes after `b`
 * (equal ranks say nothing). Lets the page selection skip most slots without a full comparison.
 */
export function createSlotRank(columns: DocColumns, scores: Float64Array, sort: SortOrder): (slot: number) => number {
  const { dateKeys } = columns;
  if (sort === 'relevance') return (slot) => scores[slot] as number;
  const direction = sort === 'date-asc' ? -1 : 1;
  return (slot) => {
    const key = dateKeys[slot] as number;
    return key === 0 ? -Infinity : key * direction; // undated docs last in both directions
  };
}

/** The order of two slots: negative when `a` comes first. Ties end on the doc id. */
export function createSlotComparator(
  columns: DocColumns,
  ids: string[],
  scores: Float64Array,
  sort: SortOrder,
): Compare {
  const { dateKeys } = columns;
  return (a, b) => {
    const scoreOrder = (scores[b] as number) - (scores[a] as number);
    const dateA = dateKeys[a] as number;
    const dateB = dateKeys[b] as number;
    const order =
      sort === 'relevance'
        ? scoreOrder || compareDates(dateA, dateB, -1)
        : compareDates(dateA, dateB, sort === 'date-asc' ? 1 : -1) || scoreOrder;
    if (order) return order;
    const idA = ids[a] as string;
    const idB = ids[b] as string;
    return idA < idB ? -1 : idA > idB ? 1 : 0;
  };
}

function siftDown(heap: number[], compare: Compare, from: number): void {
  // A max-heap on the order: the root is the slot that would come last.
  let i = from;
  for (;;) {
    const left = 2 * i + 1;
    const right = left + 1;
    let largest = i;
    if (left < heap.length && compare(heap[left] as number, heap[largest] as number) > 0) largest = left;
    if (right < heap.length && compare(heap[right] as number, heap[largest] as number) > 0) largest = right;
    if (largest === i) return;
    [heap[i], heap[largest]] = [heap[largest] as number, heap[i] as number];
    i = largest;
  }
}

function siftUp(heap: number[], compare: Compare, from: number): void {
  let i = from;
  while (i > 0) {
    const parent = (i - 1) >>> 1;
    if (compare(heap[i] as number, heap[parent] as number) <= 0) return;
    [heap[i], heap[parent]] = [heap[parent] as number, heap[i] as number];
    i = parent;
  }
}

/**
 * The first `count` slots in order, without sorting the rest. `rank` (see createSlotRank) lets a
 * slot that cannot enter the page be passed over with one number comparison.
 */
export function selectTopSlots(slots: Int32Array, count: number, compare: Compare, rank?: (slot: number) => number): number[] {
  if (count <= 0) return [];
  if (slots.length <= count * 4) return [...slots].sort(compare).slice(0, count);
  const heap: number[] = [];
  let threshold = -Infinity; // the rank of the slot that would come last on the page
  for (let i = 0; i < slots.length; i++) {
    const slot = slots[i] as number;
    if (heap.length < count) {
      heap.push(slot);
      siftUp(heap, compare, heap.length - 1);
      if (heap.length === count && rank) threshold = rank(heap[0] as number);
    } else if (rank && rank(slot) < threshold) {
      continue;
    } else if (compare(slot, heap[0] as number) < 0) {
      heap[0] = slot;
      siftDown(heap, compare, 0);
      if (rank) threshold = rank(heap[0] as number);
    }
  }
  return heap.sort(compare);
}
