// The import's read-ahead: pages are handed to the preparer (the ingest workers) well before the
// import needs them, so parsing the next batch overlaps writing this one, and they come back in the
// order of the files. How far ahead it reads is bounded by a count and by the bytes waiting here
// (estimated from the pages seen so far), so a folder of 50 MB pages does not pile up in memory.
import type { PreparedPage } from './import-prepare';

export interface FeedLimits {
  /** Pages requested but not yet taken. */
  lookahead: number;
  /** Bytes of pages requested but not yet taken, estimated from the average page read so far. */
  bytes: number;
}

export type FeedOutcome = { index: number; path: string; page: PreparedPage } | { index: number; path: string; error: unknown };

/** Pages asked for before the first one has come back. */
const FIRST_WINDOW = 8;

const sizeOf = (page: PreparedPage) => page.bytes.byteLength + page.items.reduce((sum, { data }) => sum + data.length, 0);

export class PageFeed {
  private readonly pending = new Map<number, Promise<FeedOutcome>>();
  private issued = 0;
  private taken = 0;
  private readBytes = 0;
  private readPages = 0;
  private isStopped = false;

  constructor(
    private readonly paths: readonly string[],
    private readonly prepare: (path: string, index: number) => Promise<PreparedPage>,
    private readonly limits: FeedLimits,
  ) {
    this.fill();
  }

  /** True while pages remain to be taken. */
  get hasMore(): boolean {
    return !this.isStopped && this.taken < this.paths.length;
  }

  /** The next page in file order, or its error; null when all are taken. */
  async next(): Promise<FeedOutcome | null> {
    if (!this.hasMore) return null;
    const index = this.taken++;
    this.fill(index);
    const outcome = await (this.pending.get(index) as Promise<FeedOutcome>);
    this.pending.delete(index);
    this.fill();
    return outcome;
  }

  /** Requests no more pages; those in flight finish in the background and are dropped. */
  stop(): void {
    this.isStopped = true;
    this.pending.clear();
  }

  private fill(atLeast = -1): void {
    while (!this.isStopped && this.issued < this.paths.length && (this.issued <= atLeast || this.hasRoom())) this.issue();
  }

  private hasRoom(): boolean {
    const ahead = this.issued - this.taken;
    if (ahead === 0) return true;
    if (ahead >= this.limits.lookahead) return false;
    // Until a page has come back its size is unknown: a few are asked for, not a thousand 50 MB ones.
    if (this.readPages === 0) return ahead < FIRST_WINDOW;
    return (ahead + 1) * (this.readBytes / this.readPages) <= this.limits.bytes;
  }

  private issue(): void {
    const index = this.issued++;
    const path = this.paths[index] as string;
    const outcome = this.prepare(path, index).then(
      (page): FeedOutcome => {
        const size = sizeOf(page);
        this.readBytes += size;
        this.readPages += 1;
        queueMicrotask(() => this.fill()); // the estimate changed: the window may grow (or shrink)
        return { index, path, page };
      },
      (error: unknown): FeedOutcome => ({ index, path, error }),
    );
    this.pending.set(index, outcome);
  }
}
