// Every failure that leaves main becomes an ApiError with a stable code. Errors of the archive, ingest,
// export and taxonomy modules carry their own codes and pass through; anything unexpected is logged
// here and reported as 'internal' without its message, which could expose paths or internals.
import type { ApiError, ApiErrorCode } from '../../shared/api';

/** A failure raised by the services themselves (unsupported on this platform, unknown job…). */
export class ServiceError extends Error {
  constructor(
    readonly code: ApiErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'ServiceError';
  }
}

/** Names of the error classes whose `code` and message are meant for the user. */
const USER_FACING = new Set([
  'ServiceError',
  'ArchiveError',
  'ArchiveFileError',
  'IngestError',
  'ExportWriteError',
  'TaxonomyError',
]);

const ERRNO = /^E[A-Z]+$/;

/** Maps anything thrown by a handler to the ApiError the caller sees. */
export function toApiError(error: unknown, log: (message: string, error: unknown) => void = logUnexpected): ApiError {
  if (error instanceof Error) {
    const code = (error as { code?: unknown }).code;
    if (USER_FACING.has(error.name) && typeof code === 'string') return { code, message: error.message };
    if (error.name === 'ZodError') return { code: 'bad-request', message: 'invalid arguments' };
    if (typeof code === 'string' && ERRNO.test(code)) {
      log('file system error', error);
      return { code: 'io-error', message: `the archive folder could not be read or written (${code})` };
    }
  }
  log('unexpected error', error);
  return { code: 'internal', message: 'an unexpected error occurred in Annals; see the log for details' };
}

function logUnexpected(message: string, error: unknown): void {
  console.error(`[annals] ${message}:`, error);
}
