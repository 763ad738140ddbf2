// main-side ingest: a file's bytes → decoded text (encodings, HTML, Markdown) → shared/ingest.
import { AsyncLocalStorage } from 'node:async_hooks';
import { readFile, stat } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import { type ParsedPage, parsePage } from '../../shared/ingest';
import type { CompiledTaxonomy } from '../../shared/taxonomy';
import { DecodeError, decodeBytes } from './decode';
import { extractHtml, sniffHtmlCharset } from './html';
import { prepareMarkdown } from './markdown';

export type IngestErrorCode =
  | 'unsupported-type'
  | 'timed-out'
  | 'worker-failed'
  | 'empty'
  | 'binary'
  | 'too-large'
  | 'decode-failed'
  | 'no-items'
  | 'read-failed';

/** A file that cannot be imported; the message names the file and the problem. */
export class IngestError extends Error {
  constructor(
    readonly code: IngestErrorCode,
    readonly file: string,
    /** The problem alone, without the file name. */
    readonly problem: string,
  ) {
    super(`${file}: ${problem}`);
    this.name = 'IngestError';
  }
}

export interface DecodedFile {
  text: string;
  encoding: string;
  kind: 'text' | 'markdown' | 'html';
  url: string | null;
}

/** Largest file accepted for import. */
export const MAX_FILE_BYTES = 50 * 1024 * 1024;

const KINDS: Record<string, DecodedFile['kind']> = {
  '.txt': 'text',
  '.text': 'text',
  '.md': 'markdown',
  '.markdown': 'markdown',
  '.html': 'html',
  '.htm': 'html',
  '.xhtml': 'html',
};

function kindOf(fileName: string): DecodedFile['kind'] {
  const kind = KINDS[extname(fileName).toLowerCase()];
  if (!kind) throw new IngestError('unsupported-type', basename(fileName), `unsupported file type "${extname(fileName) || '(none)'}" (import .txt, .md, .html or .htm)`);
  return kind;
}

/** Decodes a file's bytes into page text by its type. Throws IngestError. */
export function decodeFile(bytes: Uint8Array, fileName: string): DecodedFile {
  const file = basename(fileName);
  const kind = kindOf(fileName);
  if (bytes.length > MAX_FILE_BYTES) throw new IngestError('too-large', file, `the file is larger than ${MAX_FILE_BYTES / 1024 / 1024} MB`);
  if (bytes.length === 0) throw new IngestError('empty', file, 'the file is empty');
  let decoded;
  try {
    decoded = decodeBytes(bytes, kind === 'html' ? sniffHtmlCharset(bytes) : null);
  } catch (error) {
    if (error instanceof DecodeError) throw new IngestError(error.reason, file, error.message);
    throw error;
  }
  let text = decoded.text;
  let url: string | null = null;
  if (kind === 'html') ({ text, url } = extractHtml(text));
  if (kind === 'markdown') ({ text, url } = prepareMarkdown(text));
  if (text.replace(/[\s\u00a0\ufeff]+/g, '').length === 0) {
    throw new IngestError('empty', file, kind === 'html' ? 'the page has no readable text' : 'the file holds only whitespace');
  }
  return { text, encoding: decoded.encoding, kind, url };
}

export interface ReadPageResult {
  bytes: Uint8Array;
  /** How the file was read; its decoded text is not kept (the page holds what matters, and a 5 MB
   * text would be copied a second time out of the worker). */
  decoded: Omit<DecodedFile, 'text'>;
  page: ParsedPage;
  /** The bytes' sha256 in lower-case hex, when the reader computed it (the worker does, off the main thread). */
  sha256?: string;
}

/** Reads a file's bytes, refusing unsupported types and oversized files before reading. Throws IngestError. */
export async function readSourceFile(path: string): Promise<Uint8Array> {
  const file = basename(path);
  kindOf(path);
  try {
    const info = await stat(path);
    if (info.size > MAX_FILE_BYTES) throw new IngestError('too-large', file, `the file is larger than ${MAX_FILE_BYTES / 1024 / 1024} MB`);
    return new Uint8Array(await readFile(path));
  } catch (error) {
    if (error instanceof IngestError) throw error;
    throw new IngestError('read-failed', file, `cannot read the file (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
  }
}

/** Decodes and parses a file's bytes. Throws IngestError (a page without items is 'no-items'). */
export function parseFileBytes(bytes: Uint8Array, path: string, taxonomy: CompiledTaxonomy): ReadPageResult {
  const { text, ...decoded } = decodeFile(bytes, path);
  const page = parsePage(text, { taxonomy, url: decoded.url });
  if (page.items.length === 0) throw new IngestError('no-items', basename(path), 'no news item was found in the page');
  return { bytes, decoded, page };
}

/** Reads, decodes and parses one file on this thread. Throws IngestError. */
export async function readPageHere(path: string, taxonomy: CompiledTaxonomy): Promise<ReadPageResult> {
  return parseFileBytes(await readSourceFile(path), path, taxonomy);
}

/** How a page is read: on this thread, or handed to the ingest worker (see worker-client.ts). */
export type PageReader = (path: string, taxonomy: CompiledTaxonomy) => Promise<ReadPageResult>;

// The reader is scoped to a call chain rather than set globally: import jobs run the archive's own
// import code with the worker reader, while the CLI and tests keep reading inline.
const readerScope = new AsyncLocalStorage<PageReader>();

/** Runs `work` with every readPage inside it (however deep) going through `reader`. */
export function runWithPageReader<T>(reader: PageReader, work: () => Promise<T>): Promise<T> {
  return readerScope.run(reader, work);
}

/** Reads, decodes and parses one file. Throws IngestError (a page without items is 'no-items'). */
export async function readPage(path: string, taxonomy: CompiledTaxonomy): Promise<ReadPageResult> {
  return (readerScope.getStore() ?? readPageHere)(path, taxonomy);
}
