// Errors of the archive as a whole (files of it that fail to parse raise ArchiveFileError instead).

export type ArchiveErrorCode =
  | 'no-archive'
  | 'not-an-archive'
  | 'folder-not-empty'
  | 'unsupported-format'
  | 'newer-version'
  | 'bad-manifest'
  | 'bad-taxonomy'
  | 'item-not-found'
  | 'collection-not-found'
  | 'bad-input'
  /** Another process (the app, a CLI command) holds the archive's lock (.annals/lock). */
  | 'archive-locked'
  /** The archive was opened read-only and a change was asked. */
  | 'read-only'
  | 'disk-full'
  | 'permission-denied'
  | 'file-busy'
  | 'io-error'
  /** An interrupted multi-file change could not be finished (.annals/journal). */
  | 'journal-pending';

/** A failed archive operation with a stable code and a message a user can act on. */
export class ArchiveError extends Error {
  constructor(
    readonly code: ArchiveErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'ArchiveError';
  }
}
