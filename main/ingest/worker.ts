// The ingest worker's entry: reads, decodes, parses and tags files off the main thread, so a 50 MB
// page or a pathological one never stalls the app; for an import it also builds and serializes the
// page's items (archive/import-prepare.ts). Built as its own entry (electron.config.ts).
import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { parentPort } from 'node:worker_threads';
import type { CompiledTaxonomy, TaxonomyFile } from '../../shared/taxonomy';
import { buildCompiledTaxonomy } from '../../shared/taxonomy/compile';
import { type PreparedPage, preparePage } from '../archive/import-prepare';
import { IngestError, MAX_FILE_BYTES, type ReadPageResult, parseFileBytes, readSourceFile } from './index';

export interface IngestRequest {
  id: number;
  path: string;
  /** Names the taxonomy: the file is sent only when this worker has not been sent this key yet. */
  taxonomyKey: number;
  /** The merged taxonomy file; compiled here once per key. */
  taxonomy?: TaxonomyFile;
  /** Set for an import: the page's items are built with this time and serialized (PreparedPage). */
  now?: string;
}

export type IngestReply =
  | { id: number; ok: true; result: ReadPageResult; prepared?: undefined }
  | { id: number; ok: true; prepared: PreparedPage; result?: undefined }
  | { id: number; ok: false; error: { isIngest: boolean; code: string; file: string; message: string } };

let compiled: { key: number; taxonomy: CompiledTaxonomy } | null = null;

function taxonomyFor(request: IngestRequest): CompiledTaxonomy {
  if (compiled?.key !== request.taxonomyKey) {
    if (!request.taxonomy) throw new Error('the importer was not sent the taxonomy');
    compiled = { key: request.taxonomyKey, taxonomy: buildCompiledTaxonomy(request.taxonomy) };
  }
  return compiled.taxonomy;
}

/**
 * Reads the file on this thread: an async read would wait in libuv's small thread pool behind the
 * archive's fsyncs (one pool per process), and this thread has nothing else to do meanwhile. Anything
 * unusual (missing, too large) goes through readSourceFile, which says why in its error.
 */
async function readSource(path: string): Promise<Uint8Array> {
  try {
    if (statSync(path).size <= MAX_FILE_BYTES) return new Uint8Array(readFileSync(path));
  } catch {
    // readSourceFile below reports the problem
  }
  return readSourceFile(path);
}

async function handle(request: IngestRequest): Promise<IngestReply> {
  try {
    const bytes = await readSource(request.path);
    // Hashed here so the archive need not hash 50 MB on the main thread (see ReadPageResult.sha256).
    const result = { ...parseFileBytes(bytes, request.path, taxonomyFor(request)), sha256: createHash('sha256').update(bytes).digest('hex') };
    if (request.now !== undefined) return { id: request.id, ok: true, prepared: preparePage(request.path, result, request.now) };
    return { id: request.id, ok: true, result };
  } catch (error) {
    const isIngest = error instanceof IngestError;
    return {
      id: request.id,
      ok: false,
      error: { isIngest, code: isIngest ? error.code : 'worker-failed', file: isIngest ? error.file : '', message: isIngest ? error.problem : String((error as Error)?.message ?? error) },
    };
  }
}

function bytesOf(reply: IngestReply): Uint8Array | null {
  if (!reply.ok) return null;
  return reply.prepared ? reply.prepared.bytes : reply.result.bytes;
}

// One file at a time: the client keeps several requests queued so this thread never waits, but only
// one file's bytes are held here at once (a queue of 50 MB pages must not exhaust the heap).
const queue: IngestRequest[] = [];
let isBusy = false;

async function drain(): Promise<void> {
  if (isBusy) return;
  isBusy = true;
  for (let request = queue.shift(); request; request = queue.shift()) {
    const reply = await handle(request);
    // The source bytes go back without a copy (a 50 MB page is not duplicated on the main thread).
    const bytes = bytesOf(reply);
    parentPort!.postMessage(reply, bytes ? [bytes.buffer as ArrayBuffer] : []);
  }
  isBusy = false;
}

parentPort?.on('message', (request: IngestRequest) => {
  queue.push(request);
  void drain();
});
