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

/** Waits for the next task: lets the page paint and handle input between two slices of work. */
export function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/**
 * diffRevisions in slices of `size` revisions with a yield between them: at 100,000 items the
 * comparison is ~100 ms, which would otherwise be one long task on the page's main thread just
 * after the first results are shown (bench:browser, warm start).
 */
export async function diffRevisionsInSlices(
  local: ReadonlyMap<string, string>,
  remote: readonly Revision[],
  size = 10_000,
  yieldNow: () => Promise<void> = yieldToEventLoop,
): Promise<RevisionDiff> {
  const seen = new Set<string>();
  const changed: string[] = [];
  for (let start = 0; start < remote.length; start += size) {
    if (start > 0) await yieldNow();
    for (const { key, rev } of remote.slice(start, start + size)) {
      seen.add(key);
      if (local.get(key) !== rev) changed.push(key);
    }
  }
  const removed: string[] = [];
  const keys = [...local.keys()];
  for (let start = 0; start < keys.length; start += size) {
    await yieldNow();
    for (const key of keys.slice(start, start + size)) if (!seen.has(key)) removed.push(key);
  }
  return { changed, removed };
}

/** Splits a list into chunks of at most `size` elements. */
export function chunk<T>(list: readonly T[], size: number): T[][] {
  const chunks: T[][] = [];
  for (let i = 0; i < list.length; i += size) chunks.push(list.slice(i, i + size));
  return chunks;
}
