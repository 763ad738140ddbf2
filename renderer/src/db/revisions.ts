// Which mirrored records are stale: a pure comparison of local and remote revisions.
import type { Revision } from '../../../shared/api-contract';

export interface RevisionDiff {
  /** Keys that are new or whose revision differs: fetch these. */
  changed: string[];
  /** Keys the mirror holds that main no longer has: delete these. */
  removed: string[];
}

/** Compares the mirror's revisions (key → rev) with main's list. */
export function diffRevisions(local: ReadonlyMap<string, string>, remote: readonly Revision[]): RevisionDiff {
  const seen = new Set<string>();
  const changed: string[] = [];
  for (const { key, rev } of remote) {
    seen.add(key);
    if (local.get(key) !== rev) changed.push(key);
  }
  const removed = [...local.keys()].filter((key) => !seen.has(key));
  return { changed, removed };
}

/** Splits a list into chunks of at most `size` elements. */
export function chunk<T>(list: readonly T[], size: number): T[][] {
  const chunks: T[][] = [];
  for (let i = 0; i < list.length; i += size) chunks.push(list.slice(i, i + size));
  return chunks;
}
