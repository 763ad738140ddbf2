// The export's errors, with stable codes. A file-system failure is turned into one of them with a
// message that says what state the export folder is in, so the CLI and the app can show it as is.
import { errnoOf } from '../archive/archive-fs';

export type ExportWriteErrorCode =
  | 'unsafe-path'
  | 'folder-not-empty'
  | 'not-a-folder'
  | 'no-files'
  | 'file-exists'
  | 'export-busy'
  | 'export-damaged'
  | 'disk-full'
  | 'permission-denied'
  | 'file-busy'
  | 'io-error';

export class ExportWriteError extends Error {
  constructor(
    readonly code: ExportWriteErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'ExportWriteError';
  }
}

const WRITE_ERRORS: Record<string, { code: ExportWriteErrorCode; reason: string }> = {
  ENOSPC: { code: 'disk-full', reason: 'the disk is full' },
  EDQUOT: { code: 'disk-full', reason: 'the disk quota is exhausted' },
  EACCES: { code: 'permission-denied', reason: 'permission was denied' },
  EPERM: { code: 'permission-denied', reason: 'the operation is not permitted' },
  EROFS: { code: 'permission-denied', reason: 'the file system is read-only' },
  EBUSY: { code: 'file-busy', reason: 'a file is in use by another program' },
  EIO: { code: 'io-error', reason: 'the disk reported an input/output error' },
};

/**
 * Turns a file-system failure into an ExportWriteError whose message ends with `outcome` (what the
 * export folder holds now). An ExportWriteError or a non-errno error (a bug) is returned unchanged.
 */
export function toExportWriteError(error: unknown, outcome: string): unknown {
  const errno = errnoOf(error);
  if (errno === undefined || error instanceof ExportWriteError) return error;
  const known = WRITE_ERRORS[errno] ?? { code: 'io-error' as const, reason: `the file system refused the write (${errno})` };
  const path = (error as { path?: unknown }).path;
  const where = typeof path === 'string' ? ` (${path})` : '';
  const failure = new ExportWriteError(known.code, `Annals could not write the export: ${known.reason}${where}. ${outcome}`);
  (failure as { cause?: unknown }).cause = error;
  return failure;
}
