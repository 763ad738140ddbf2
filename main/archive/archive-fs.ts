// The file-system calls of the archive's write path, in one injectable object: tests swap in a shim
// that fails the N-th call (testing/faulty-fs.ts) to prove a full disk or a refused write never damages
// the archive. Reads of the whole archive (scan) stay on node:fs; everything that writes, renames or
// removes goes through here.
import * as nodeFs from 'node:fs/promises';
import { ArchiveError, type ArchiveErrorCode } from './errors';

export interface ArchiveFs {
  open: typeof nodeFs.open;
  rename: typeof nodeFs.rename;
  link: typeof nodeFs.link;
  unlink: typeof nodeFs.unlink;
  mkdir: typeof nodeFs.mkdir;
  readFile: typeof nodeFs.readFile;
  readdir: typeof nodeFs.readdir;
}

export const nodeArchiveFs: ArchiveFs = nodeFs;

/** The stable codes a failed write is reported with, by the archive and by exports alike. */
export type WriteErrorCode = 'disk-full' | 'permission-denied' | 'file-busy' | 'io-error';

const WRITE_ERRORS: Record<string, { code: WriteErrorCode & ArchiveErrorCode; reason: string }> = {
  ENOSPC: { code: 'disk-full', reason: 'the disk is full' },
  EDQUOT: { code: 'disk-full', reason: 'the disk quota is exhausted' },
  EACCES: { code: 'permission-denied', reason: 'permission was denied' },
  EPERM: { code: 'permission-denied', reason: 'the operation is not permitted' },
  EROFS: { code: 'permission-denied', reason: 'the file system is read-only' },
  EBUSY: { code: 'file-busy', reason: 'a file is in use by another program' },
  EIO: { code: 'io-error', reason: 'the disk reported an input/output error' },
};

/** The stable code of a failed write and why it failed in words, the path included when known. */
export function describeWriteFailure(error: unknown, errno: string): { code: WriteErrorCode & ArchiveErrorCode; reason: string } {
  const known = WRITE_ERRORS[errno] ?? { code: 'io-error' as const, reason: `the file system refused the write (${errno})` };
  const path = (error as { path?: unknown }).path;
  return { code: known.code, reason: typeof path === 'string' ? `${known.reason} (${path})` : known.reason };
}

/** The errno code of a Node file-system error, if it is one. */
export function errnoOf(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && /^E[A-Z]+$/.test(code) ? code : undefined;
}

/** Whether a file-system error says the path does not exist. */
export function isMissingError(error: unknown): boolean {
  return errnoOf(error) === 'ENOENT';
}

/** Renames `from` to `to` when `from` exists; answers whether it did (any other failure is thrown). */
export async function renameIfPresent(fs: ArchiveFs, from: string, to: string): Promise<boolean> {
  try {
    await fs.rename(from, to);
    return true;
  } catch (error) {
    if (isMissingError(error)) return false;
    throw error;
  }
}

/**
 * Turns a file-system failure of a write into an ArchiveError with a stable code ('disk-full',
 * 'permission-denied', 'file-busy', 'io-error') and a message saying what state the archive is in.
 * Anything else (an ArchiveError already, a bug) is returned as it is.
 */
export function toWriteError(error: unknown, outcome: string): unknown {
  const errno = errnoOf(error);
  if (errno === undefined || error instanceof ArchiveError) return error;
  const known = describeWriteFailure(error, errno);
  const failure = new ArchiveError(known.code, `Annals could not write to the archive: ${known.reason}. ${outcome}`);
  (failure as { cause?: unknown }).cause = error;
  return failure;
}
