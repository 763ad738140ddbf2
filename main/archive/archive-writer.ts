// How the archive writes: every change of its files goes through the journal (journal.ts), is checked
// against the version of each file Annals last read (conflict copies), and a file-system failure
// reaches the caller as an ArchiveError with a stable code, the archive either unchanged or finished.
import { relative, sep } from 'node:path';
import { type ArchiveFs, toWriteError } from './archive-fs';
import { ArchiveError } from './errors';
import { type Conflict, type PlannedRemoval, type PlannedWrite, UncommittedChangeError, commitChange, listJournals, recoverJournals, sha256Of } from './journal';

/** A conflict copy the archive kept: `copy` holds another program's version of `file` (both relative). */
export interface ArchiveConflict {
  file: string;
  copy: string;
}

export type ConflictListener = (conflict: ArchiveConflict) => void;

export class ArchiveWriter {
  /** sha256 of each item/collection file as Annals last read or wrote it (relative path → hash). */
  readonly hashes = new Map<string, string>();
  private readonly listeners = new Set<ConflictListener>();
  /** Set when a failure may have left a journal behind: it is finished before the next change (settle). */
  private hasPending = false;

  constructor(
    private readonly dir: string,
    readonly fs: ArchiveFs,
    private readonly now: () => Date,
    readonly isReadOnly: boolean,
  ) {}

  rel(path: string): string {
    return relative(this.dir, path).split(sep).join('/');
  }

  onConflict(listener: ConflictListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** The check a write of a known file makes: the hash Annals last saw there (null: none). */
  expectedAt(path: string): string | null {
    return this.hashes.get(this.rel(path)) ?? null;
  }

  /**
   * Applies writes and removals as one journaled change. Answers the conflict copies kept. On a
   * file-system failure throws 'disk-full' / 'permission-denied' / 'file-busy' / 'io-error'; the
   * archive is then unchanged, or the change is finished on the next write or open.
   */
  async commit(op: string, writes: PlannedWrite[], removals: PlannedRemoval[] = []): Promise<ArchiveConflict[]> {
    if (this.isReadOnly) throw new ArchiveError('read-only', 'the archive was opened read-only; nothing was written');
    if (this.hasPending) throw new ArchiveError('journal-pending', 'an earlier change is unfinished; it must be finished (Archive.exclusive does) before a new one');
    let conflicts: Conflict[];
    const hashed = writes.map((write) => ({ ...write, sha256: write.sha256 ?? sha256Of(write.data) }));
    try {
      conflicts = await commitChange(this.dir, op, { writes: hashed, removals }, { fs: this.fs, now: this.now });
    } catch (error) {
      conflicts = await this.recoverAfter(error);
    }
    for (const write of hashed) this.hashes.set(this.rel(write.path), write.sha256);
    for (const removal of removals) this.hashes.delete(this.rel(removal.path));
    const kept = conflicts.map((conflict) => ({ file: this.rel(conflict.file), copy: this.rel(conflict.copy) }));
    for (const conflict of kept) for (const listener of this.listeners) {
      try {
        listener(conflict);
      } catch {
        // A listener's bug must not turn a saved change into a failed one.
      }
    }
    return kept;
  }

  /** After a failure: a committed journal is rolled forward now; answers its conflicts, or throws the coded error. */
  private async recoverAfter(error: unknown): Promise<Conflict[]> {
    if (error instanceof UncommittedChangeError) throw toWriteError(error.failure, 'Nothing was changed; fix the cause and try again.');
    let journals: string[];
    try {
      journals = await listJournals(this.dir, this.fs);
    } catch {
      this.hasPending = true;
      throw toWriteError(error, 'Annals will finish or undo the change at the next change or when the archive is next opened.');
    }
    if (journals.length === 0) throw toWriteError(error, 'Nothing was changed; fix the cause and try again.');
    try {
      return (await recoverJournals(this.dir, { fs: this.fs, now: this.now })).conflicts;
    } catch {
      this.hasPending = true;
      throw toWriteError(error, 'The change was recorded and will be finished at the next change or when the archive is next opened.');
    }
  }

  /**
   * Finishes a change a failure left half-applied. Run before a new change is planned (Archive.exclusive),
   * so the change is planned on the finished files; answers whether files changed (re-read them).
   */
  async settle(): Promise<boolean> {
    if (!this.hasPending) return false;
    let journals: string[];
    try {
      journals = await listJournals(this.dir, this.fs);
      if (journals.length > 0) await recoverJournals(this.dir, { fs: this.fs, now: this.now });
    } catch (error) {
      throw toWriteError(error, 'An earlier change is still unfinished; nothing new was written.');
    }
    this.hasPending = false;
    return journals.length > 0;
  }
}
