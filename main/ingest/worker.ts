// The ingest worker's entry: reads, decodes, parses and tags files off the main thread, so a 50 MB
// page or a pathological one never stalls the app. Built as its own entry (electron.config.ts).
import { createHash } from 'node:crypto';
import { parentPort } from 'node:worker_threads';
import type { CompiledTaxonomy, TaxonomyFile } from '../../shared/taxonomy';
import { buildCompiledTaxonomy } from '../../shared/taxonomy/compile';
import { IngestError, type ReadPageResult, parseFileBytes, readSourceFile } from './index';

export interface IngestRequest {
  id: number;
  path: string;
  /** The merged taxonomy file; compiled here once per distinct file. */
  taxonomy: TaxonomyFile;
}

export type IngestReply =
  | { id: number; ok: true; result: ReadPageResult }
  | { id: number; ok: false; error: { isIngest: boolean; code: string; file: string; message: string } };

let compiled: { key: string; taxonomy: CompiledTaxonomy } | null = null;

function taxonomyFor(file: TaxonomyFile): CompiledTaxonomy {
  const key = JSON.stringify(file);
  if (compiled?.key !== key) compiled = { key, taxonomy: buildCompiledTaxonomy(file) };
  return compiled.taxonomy;
}

async function handle(request: IngestRequest): Promise<IngestReply> {
  try {
    const bytes = await readSourceFile(request.path);
    const result = parseFileBytes(bytes, request.path, taxonomyFor(request.taxonomy));
    // Hashed here so the archive need not hash 50 MB on the main thread (see ReadPageResult.sha256).
    return { id: request.id, ok: true, result: { ...result, sha256: createHash('sha256').update(bytes).digest('hex') } };
  } catch (error) {
    const isIngest = error instanceof IngestError;
    return {
      id: request.id,
      ok: false,
      error: { isIngest, code: isIngest ? error.code : 'worker-failed', file: isIngest ? error.file : '', message: isIngest ? error.problem : String((error as Error)?.message ?? error) },
    };
  }
}

parentPort?.on('message', (request: IngestRequest) => {
  void handle(request).then((reply) => {
    // The source bytes go back without a copy (a 50 MB page is not duplicated on the main thread).
    const transfer = reply.ok ? [reply.result.bytes.buffer as ArrayBuffer] : [];
    parentPort!.postMessage(reply, transfer);
  });
});
