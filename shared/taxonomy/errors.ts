/** Stable codes of taxonomy errors, for callers that react to a kind of problem. */
export type TaxonomyErrorCode = 'taxonomy-invalid' | 'taxonomy-alias-syntax' | 'taxonomy-unknown-ending';

/** A taxonomy file that cannot be used; the message names the entry and the problem. */
export class TaxonomyError extends Error {
  readonly code: TaxonomyErrorCode;

  constructor(code: TaxonomyErrorCode, message: string) {
    super(message);
    this.name = 'TaxonomyError';
    this.code = code;
  }
}
