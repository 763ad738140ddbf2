// The error callApi throws: the Api's stable code (the UI branches on it) and a readable message.
import type { ApiError, ApiErrorCode } from '../../../shared/api-contract';

export class ApiCallError extends Error {
  readonly code: ApiErrorCode;

  constructor(error: ApiError) {
    super(error.message);
    this.name = 'ApiCallError';
    this.code = error.code;
  }
}

/** True when `error` is an ApiCallError, optionally with the given code. */
export function isApiCallError(error: unknown, code?: ApiErrorCode): error is ApiCallError {
  return error instanceof ApiCallError && (code === undefined || error.code === code);
}
