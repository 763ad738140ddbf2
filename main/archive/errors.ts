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
  | 'bad-input';

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
