// The saved index. Binary: a small JSON header, then the typed arrays as they are in memory (each
// 8-byte aligned), so loading is a few views over one buffer, no parsing of postings. The text form
// (for stores that keep strings) is JSON holding the docs and that binary in base64.
import { decodeBase64, encodeBase64 } from './base64';
import { createDocColumns, includeYear, internValue, NUMERIC_COLUMNS } from './doc-columns';
import type { DocColumns, NumericColumn } from './doc-columns';
import { DocStore } from './doc-store';
import { FIELD_COUNT } from './inverted-index';
import type { InvertedIndex } from './inverted-index';
import { compactSearchIndex } from './search-index';
import type { SearchIndex } from './search-index';
import { sortTermIds } from './vocabulary';

/** Thrown by loadSearchIndex; the caller rebuilds the index from the archive. */
export class SearchIndexLoadError extends Error {
  constructor(
    readonly code: 'invalid-index' | 'unsupported-index-version',
    message: string,
  ) {
    super(message);
    this.name = 'SearchIndexLoadError';
  }
}

/** Bumped whenever the saved format, the options or the index terms change: older saves are rebuilt. */
export const SEARCH_INDEX_VERSION = 2;
const FORMAT = 'annals-search-index';
const MAGIC = 0x414e5358; // "ANSX"
type SectionName =
  | 'terms' | 'listLengths' | 'entries' | 'tfs' | 'docFreqs' | 'docCounts' | 'sortedIds' | 'fieldLengths'
  | 'sequenceStarts' | 'sequences' | 'keyTerms' | 'ids' | 'docStarts' | 'docs' | 'values' | 'valueStarts' | 'valueIds'
  | NumericColumn;

interface Header {
  format: typeof FORMAT;
  version: number;
  termCount: number;
  slotCount: number;
  totalLengths: number[];
  sections: Partial<Record<SectionName, [offset: number, length: number]>>;
}

function align(offset: number): number {
  return Math.ceil(offset / 8) * 8;
}

// A section is one array of bytes, or parts written one after the other (the docs, which are not
// first joined into one more copy of their 280 MB at 100,000 items).
type SectionData = Uint8Array | Uint8Array[];

function sectionLength(data: SectionData): number {
  return Array.isArray(data) ? data.reduce((sum, part) => sum + part.length, 0) : data.length;
}

function writeSection(out: Uint8Array, at: number, data: SectionData): void {
  if (!Array.isArray(data)) {
    out.set(data, at);
    return;
  }
  let cursor = at;
  for (const part of data) {
    out.set(part, cursor);
    cursor += part.length;
  }
}

function collectDocSections(index: SearchIndex): Map<SectionName, SectionData> {
  const { columns } = index;
  const slotCount = index.inverted.slotCount;
  const encoder = new TextEncoder();
  const bytes = (array: ArrayBufferView): Uint8Array => new Uint8Array(array.buffer, array.byteOffset, array.byteLength);
  const docs = index.docs.encode(slotCount);
  const valueStarts = columns.valueStarts.subarray(0, slotCount + 1);
  const sections = new Map<SectionName, SectionData>([
    ['ids', encoder.encode(JSON.stringify(index.inverted.slotIds.slice(0, slotCount)))],
    ['docStarts', bytes(docs.starts)],
    ['docs', docs.parts],
    ['values', encoder.encode(JSON.stringify({ facets: columns.valueFacets, labels: columns.valueLabels }))],
    ['valueStarts', bytes(valueStarts)],
    ['valueIds', bytes(columns.valueIds.subarray(0, valueStarts[slotCount]))],
  ]);
  for (const name of NUMERIC_COLUMNS) sections.set(name, bytes(columns[name].subarray(0, slotCount)));
  return sections;
}

function isPacked(inv: InvertedIndex): boolean {
  let total = 0;
  for (let id = 0; id < inv.terms.length; id++) total += inv.listLengths[id] as number;
  return total === inv.poolUsed && inv.liveCount === inv.slotCount;
}

function padTo(array: Uint8Array, length: number): Uint8Array {
  if (array.length >= length) return array.subarray(0, length);
  const padded = new Uint8Array(length);
  padded.set(array);
  return padded;
}

function collectSections(index: SearchIndex): Map<SectionName, SectionData> {
  const inv = index.inverted;
  const encoder = new TextEncoder();
  const bytes = (array: ArrayBufferView): Uint8Array => new Uint8Array(array.buffer, array.byteOffset, array.byteLength);
  const termCount = inv.terms.length;
  const sections = new Map<SectionName, SectionData>([
    ['terms', encoder.encode(inv.terms.join('\n'))],
    ['listLengths', bytes(inv.listLengths.subarray(0, termCount))],
    ['entries', bytes(inv.entries.subarray(0, inv.poolUsed))],
    ['tfs', bytes(inv.tfs.subarray(0, inv.poolUsed))],
    ['docFreqs', bytes(inv.docFreqs.subarray(0, termCount * FIELD_COUNT))],
    ['docCounts', bytes(inv.docCounts.subarray(0, termCount))],
    ['sortedIds', bytes(sortTermIds(inv))],
    ['fieldLengths', bytes(inv.fieldLengths.subarray(0, inv.slotCount * FIELD_COUNT))],
    ['sequenceStarts', bytes(inv.sequenceStarts.subarray(0, inv.slotCount + 1))],
    ['sequences', bytes(inv.sequences.subarray(0, inv.sequenceStarts[inv.slotCount]))],
    ['keyTerms', padTo(inv.keyTerms, termCount)],
  ]);
  for (const [name, data] of collectDocSections(index)) sections.set(name, data);
  return sections;
}

function encodeIndex(index: SearchIndex): Uint8Array {
  // Saved lists lie in term order without gaps or tombstones: loading then needs no bookkeeping.
  if (!isPacked(index.inverted)) compactSearchIndex(index, true);
  const sections = collectSections(index);
  const header: Header = {
    format: FORMAT,
    version: SEARCH_INDEX_VERSION,
    termCount: index.inverted.terms.length,
    slotCount: index.inverted.slotCount,
    totalLengths: [...index.inverted.totalLengths],
    sections: {},
  };
  let offset = 0;
  for (const [name, data] of sections) {
    const length = sectionLength(data);
    header.sections[name] = [offset, length];
    offset = align(offset + length);
  }
  const headerBytes = new TextEncoder().encode(JSON.stringify(header));
  const start = align(12 + headerBytes.length);
  const out = new Uint8Array(start + offset);
  const view = new DataView(out.buffer);
  view.setUint32(0, MAGIC);
  view.setUint32(4, SEARCH_INDEX_VERSION);
  view.setUint32(8, headerBytes.length);
  out.set(headerBytes, 12);
  for (const [name, data] of sections) writeSection(out, start + (header.sections[name]?.[0] ?? 0), data);
  return out;
}

/** Serialises the index, docs included, as bytes for loadSearchIndexBinary (the fast path). */
export function serializeSearchIndexBinary(index: SearchIndex): Uint8Array {
  return encodeIndex(index);
}

interface SavedText {
  format: typeof FORMAT;
  version: number;
  data: string;
}

/** Serialises the index as versioned JSON for loadSearchIndex (the binary form in base64). */
export function serializeSearchIndex(index: SearchIndex): string {
  const saved: SavedText = { format: FORMAT, version: SEARCH_INDEX_VERSION, data: encodeBase64(encodeIndex(index)) };
  return JSON.stringify(saved);
}

function fail(message: string): never {
  throw new SearchIndexLoadError('invalid-index', `The saved search index is damaged: ${message}`);
}

function readHeader(bytes: Uint8Array): { header: Header; start: number } {
  if (bytes.length < 12) fail('too short');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (view.getUint32(0) !== MAGIC) fail('not a search index');
  const version = view.getUint32(4);
  if (version !== SEARCH_INDEX_VERSION) {
    throw new SearchIndexLoadError('unsupported-index-version', `Saved index version ${version}`);
  }
  const length = view.getUint32(8);
  const header = JSON.parse(new TextDecoder().decode(bytes.subarray(12, 12 + length))) as Header;
  if (header.format !== FORMAT) fail('not a search index');
  return { header, start: align(12 + length) };
}

type Sections = (name: SectionName) => Uint8Array;

function viewSections(bytes: Uint8Array, header: Header, start: number): Sections {
  return (name) => {
    const [offset, length] = header.sections[name] ?? fail(`no ${name}`);
    if (start + offset + length > bytes.length) fail(`${name} is cut`);
    return bytes.subarray(start + offset, start + offset + length);
  };
}

function typed<T>(Type: { new (buffer: ArrayBufferLike, offset: number, length: number): T; BYTES_PER_ELEMENT: number }, data: Uint8Array): T {
  return new Type(data.buffer, data.byteOffset, data.byteLength / Type.BYTES_PER_ELEMENT);
}

// Older saves of this version have no keyTerms: every term then counts as a possible key.
function restoreKeyTerms(termCount: number, bytes?: Uint8Array): Uint8Array {
  if (!bytes || bytes.length !== termCount) return new Uint8Array(termCount).fill(1);
  return bytes.slice();
}

function restoreInverted(header: Header, section: Sections): InvertedIndex {
  const text = new TextDecoder().decode(section('terms'));
  const terms = header.termCount === 0 ? [] : text.split('\n');
  if (terms.length !== header.termCount) fail('term count');
  const listLengths = typed(Uint32Array, section('listLengths')).slice();
  const listStarts = new Uint32Array(terms.length);
  let total = 0;
  for (let id = 0; id < terms.length; id++) {
    listStarts[id] = total;
    total += listLengths[id] as number;
  }
  // The big arrays stay views on the loaded bytes; the small ones that change in place are copied.
  const entries = typed(Uint32Array, section('entries'));
  if (entries.length !== total) fail('postings count');
  const sequenceStarts = typed(Uint32Array, section('sequenceStarts')).slice();
  if (sequenceStarts.length !== header.slotCount + 1) fail('slot count');
  return {
    termIds: null,
    terms,
    listStarts,
    listLengths,
    listCapacities: listLengths.slice(),
    entries,
    tfs: typed(Uint16Array, section('tfs')),
    poolUsed: total,
    docFreqs: typed(Int32Array, section('docFreqs')).slice(),
    docCounts: typed(Int32Array, section('docCounts')).slice(),
    sortedIds: typed(Uint32Array, section('sortedIds')).slice(),
    unsorted: [],
    slotIds: [],
    alive: new Uint8Array(header.slotCount).fill(1),
    fieldLengths: typed(Uint32Array, section('fieldLengths')).slice(),
    totalLengths: Float64Array.from(header.totalLengths),
    sequences: typed(Int32Array, section('sequences')),
    sequenceStarts,
    slotCount: header.slotCount,
    liveCount: header.slotCount,
    wordCache: new Map(),
    keyTerms: restoreKeyTerms(terms.length, header.sections.keyTerms ? section('keyTerms') : undefined),
  };
}

function restoreColumns(header: Header, section: Sections): DocColumns {
  const columns = createDocColumns();
  const values = JSON.parse(new TextDecoder().decode(section('values'))) as { facets: number[]; labels: string[] };
  values.labels.forEach((label, id) => internValue(columns, values.facets[id] ?? 0, label));
  // Views, like the postings: appending a slot copies them first.
  columns.valueStarts = typed(Uint32Array, section('valueStarts'));
  columns.valueIds = typed(Uint32Array, section('valueIds'));
  if (columns.valueStarts.length !== header.slotCount + 1) fail('value offsets');
  if (columns.valueIds.length !== columns.valueStarts[header.slotCount]) fail('value count');
  for (const name of NUMERIC_COLUMNS) columns[name] = typed(Int32Array, section(name)).slice();
  columns.slotCount = header.slotCount;
  for (let slot = 0; slot < header.slotCount; slot++) includeYear(columns, columns.years[slot] as number);
  return columns;
}

function assembleIndex(bytes: Uint8Array): SearchIndex {
  // Typed-array views need aligned offsets: copy once when the caller's bytes are not.
  const aligned = bytes.byteOffset % 8 === 0 ? bytes : bytes.slice();
  const { header, start } = readHeader(aligned);
  const section = viewSections(aligned, header, start);
  const inverted = restoreInverted(header, section);
  const ids = JSON.parse(new TextDecoder().decode(section('ids'))) as string[];
  if (ids.length !== header.slotCount) fail('doc count');
  inverted.slotIds = ids.slice();
  const docs = DocStore.fromEncoded(ids, section('docs'), typed(Uint32Array, section('docStarts')));
  return { docs, inverted, columns: restoreColumns(header, section) };
}

function guard<T>(load: () => T): T {
  try {
    return load();
  } catch (caught) {
    if (caught instanceof SearchIndexLoadError) throw caught;
    return fail(String(caught));
  }
}

/**
 * Loads bytes written by serializeSearchIndexBinary. The index keeps views on the bytes: do not
 * change them afterwards. Throws SearchIndexLoadError when damaged or of another version.
 */
export function loadSearchIndexBinary(bytes: Uint8Array): SearchIndex {
  return guard(() => assembleIndex(bytes));
}

/** Loads a serialised index; throws SearchIndexLoadError when it is damaged or of another version. */
export function loadSearchIndex(json: string): SearchIndex {
  let saved: Partial<SavedText>;
  try {
    saved = JSON.parse(json) as Partial<SavedText>;
  } catch {
    throw new SearchIndexLoadError('invalid-index', 'The saved search index is not JSON');
  }
  if (saved?.format !== FORMAT) fail('not a search index');
  if (saved.version !== SEARCH_INDEX_VERSION) {
    throw new SearchIndexLoadError('unsupported-index-version', `Saved index version ${String(saved.version)}`);
  }
  if (typeof saved.data !== 'string') fail('no data');
  const bytes = decodeBase64(saved.data) ?? fail('bad base64');
  return guard(() => assembleIndex(bytes));
}
