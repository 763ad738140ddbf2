// A parsed page made ready for the archive: its items built (ids from content) and their files
// serialized. This is the CPU-heavy part of an import after parsing, so the ingest worker runs it too
// (worker.ts) and the main thread only absorbs the items and writes the prepared bytes; an item that
// absorbing changes (a merge, a duplicate's new source) is serialized again on main.
import { createHash } from 'node:crypto';
import { basename } from 'node:path';
import type { Item } from '../../shared/model';
import type { CompiledTaxonomy } from '../../shared/taxonomy';
import { type ReadPageResult, readPage } from '../ingest';
import { type DedupeKeys, computeDedupeKeys } from './item-index';
import { serializeItem } from './item-file';
import { buildItem } from './new-item';
import { sourceExtension } from './paths';

/** One item of a page as it would be written if it enters the archive unchanged. */
export interface PreparedItem {
  item: Item;
  /** The item's file content (serializeItem(item)). */
  data: string;
  /** computeDedupeKeys(item.text, item.title): the main thread need not normalise the text again. */
  keys: DedupeKeys;
}

/** A page read, parsed, hashed, its items built and serialized: what the import absorbs and writes. */
export interface PreparedPage {
  /** The path imported (as given). */
  path: string;
  bytes: Uint8Array;
  sha256: string;
  /** The extension the source is stored under. */
  ext: string;
  items: PreparedItem[];
}

/**
 * Reads and prepares one page; `now` stamps the items (imported/updated). Throws IngestError for a
 * file that cannot be imported. The worker pool implements the same contract off the main thread.
 */
export type PagePreparer = (path: string, taxonomy: CompiledTaxonomy, now: string) => Promise<PreparedPage>;

/** Builds and serializes the items of a page already read (`result`); hashes the bytes if the reader did not. */
export function preparePage(path: string, result: ReadPageResult, now: string): PreparedPage {
  const sha256 = result.sha256 ?? createHash('sha256').update(result.bytes).digest('hex');
  const ext = sourceExtension(path);
  const file = basename(path);
  const items = result.page.items.map((parsed, index) => {
    // One normalisation of the text for the id and both keys (the text is the item's; its title too unless derived).
    const parsedKeys = computeDedupeKeys(parsed.text, parsed.title);
    const item = buildItem(parsed, { sha256, file, ext, url: result.page.url ?? null, index }, now, parsedKeys.content);
    const keys = item.title === parsed.title ? parsedKeys : computeDedupeKeys(item.text, item.title);
    return { item, data: serializeItem(item), keys };
  });
  return { path, bytes: result.bytes, sha256, ext, items };
}

/** Reads (through the scoped page reader, see runWithPageReader) and prepares a page on this thread. */
export const preparePageHere: PagePreparer = async (path, taxonomy, now) => preparePage(path, await readPage(path, taxonomy), now);
