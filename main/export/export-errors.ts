// The export's errors, with stable codes. A file-system failure is turned into one of them with a
// message that says what state the export folder is in, so the CLI and the app can show it as is.
import { describeWriteFailure, errnoOf } from '../archive/archive-fs';

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

/**
 * Turns a file-system failure into an ExportWriteError whose message ends with `outcome` (what the
 * export folder holds now). An ExportWriteError or a non-errno error (a bug) is returned unchanged.
 */
export function toExportWriteError(error: unknown, outcome: string): unknown {
  const errno = errnoOf(error);
  if (errno === undefined || error instanceof ExportWriteError) return error;
  const known = describeWriteFailure(error, errno);
  const failure = new ExportWriteError(known.code, `Annals could not write the export: ${known.reason}. ${outcome}`);
  (failure as { cause?: unknown }).cause = error;
  return failure;
}
