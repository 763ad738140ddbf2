// The docs behind the slots: objects for docs added in this session, and for a loaded index the
// saved JSON bytes of each doc, decoded only when a doc is shown or replaced. Loading 100,000 docs
// therefore parses none of their texts.
import type { SearchDoc } from './search-doc';

export class DocStore {
  /** Doc id → slot. */
  readonly slots = new Map<string, number>();
  private objects: (SearchDoc | undefined)[] = [];
  private encoded: Uint8Array = new Uint8Array(0);
  // Where each slot's saved JSON lies in `encoded` (empty ranges for docs not loaded from bytes).
  private encodedStarts: Uint32Array = new Uint32Array(0);
  private encodedEnds: Uint32Array = new Uint32Array(0);
  private readonly decoder = new TextDecoder();

  /** Number of docs. */
  get size(): number {
    return this.slots.size;
  }

  /** True when a doc with the id is stored. */
  has(id: string): boolean {
    return this.slots.has(id);
  }

  /** The doc with the id. */
  get(id: string): SearchDoc | undefined {
    const slot = this.slots.get(id);
    return slot === undefined ? undefined : this.getBySlot(slot);
  }

  /** The doc in a slot (decoded from the saved bytes when it was loaded). */
  getBySlot(slot: number): SearchDoc | undefined {
    const doc = this.objects[slot];
    if (doc || slot >= this.encodedStarts.length) return doc;
    const start = this.encodedStarts[slot] as number;
    const end = this.encodedEnds[slot] as number;
    if (end <= start || !this.slots.has(this.idAt(slot))) return undefined;
    return JSON.parse(this.decoder.decode(this.encoded.subarray(start, end))) as SearchDoc;
  }

  private ids: string[] = [];

  private idAt(slot: number): string {
    return this.ids[slot] ?? '';
  }

  /** Stores a doc in a slot. */
  set(slot: number, doc: SearchDoc): void {
    this.objects[slot] = doc;
    this.ids[slot] = doc.id;
    this.slots.set(doc.id, slot);
  }

  /** Forgets the doc in a slot. */
  delete(slot: number): void {
    const id = this.ids[slot];
    if (id !== undefined && this.slots.get(id) === slot) this.slots.delete(id);
    this.objects[slot] = undefined;
    this.ids[slot] = undefined as unknown as string;
  }

  /** Renumbers slots after compaction (remap: old slot → new slot or -1). */
  remap(remap: Int32Array): void {
    const objects: (SearchDoc | undefined)[] = [];
    const ids: string[] = [];
    const starts = new Uint32Array(this.encodedStarts.length);
    const ends = new Uint32Array(this.encodedEnds.length);
    remap.forEach((to, from) => {
      if (to < 0) return;
      objects[to] = this.objects[from];
      ids[to] = this.ids[from] as string;
      if (from < starts.length) {
        starts[to] = this.encodedStarts[from] as number;
        ends[to] = this.encodedEnds[from] as number;
      }
    });
    this.objects = objects;
    this.ids = ids;
    this.encodedStarts = starts;
    this.encodedEnds = ends;
    this.slots.clear();
    ids.forEach((id, slot) => this.slots.set(id, slot));
  }

  /**
   * Every slot's doc as JSON bytes, in parts (one per slot, in order), with where each starts
   * (slotCount + 1 offsets). A doc still held as saved bytes is handed over as those bytes, never
   * parsed and re-encoded, so saving a loaded index costs little more than a copy.
   */
  encode(slotCount: number): { parts: Uint8Array[]; starts: Uint32Array; size: number } {
    const encoder = new TextEncoder();
    const parts: Uint8Array[] = [];
    const starts = new Uint32Array(slotCount + 1);
    let total = 0;
    for (let slot = 0; slot < slotCount; slot++) {
      const part = this.encodeSlot(slot, encoder);
      parts.push(part);
      total += part.length;
      starts[slot + 1] = total;
    }
    return { parts, starts, size: total };
  }

  private encodeSlot(slot: number, encoder: TextEncoder): Uint8Array {
    const doc = this.objects[slot];
    if (doc) return encoder.encode(JSON.stringify(doc));
    if (slot >= this.encodedStarts.length || !this.slots.has(this.idAt(slot))) return new Uint8Array(0);
    return this.encoded.subarray(this.encodedStarts[slot], Math.max(this.encodedStarts[slot] as number, this.encodedEnds[slot] as number));
  }

  /** A store of saved docs: their ids by slot, and their JSON bytes decoded on demand. */
  static fromEncoded(ids: string[], bytes: Uint8Array, starts: Uint32Array): DocStore {
    const store = new DocStore();
    store.ids = ids;
    store.encoded = bytes;
    store.encodedStarts = starts.subarray(0, ids.length);
    store.encodedEnds = starts.subarray(1, ids.length + 1);
    ids.forEach((id, slot) => store.slots.set(id, slot));
    return store;
  }
}
