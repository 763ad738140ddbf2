// Why the offline cache (the IndexedDB mirror) is off, as a stable code the UI branches on. The
// browser's own error names vary (Dexie wraps them, Chromium and Firefox differ), so they are read
// once here and never by the UI.

/**
 * `cache-unavailable`: the database cannot be opened (private mode, storage disabled, a broken
 * profile, a newer schema); `cache-full`: the storage quota or the disk is full; `cache-failed`:
 * the open database failed while in use (deleted under the app, closed by the browser, an I/O error).
 */
export type CacheOffCode = 'cache-unavailable' | 'cache-full' | 'cache-failed';

export class CacheError extends Error {
  readonly code: CacheOffCode;

  constructor(code: CacheOffCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'CacheError';
    this.code = code;
  }
}

/** True when `error` is a CacheError. */
export function isCacheError(error: unknown): error is CacheError {
  return error instanceof CacheError;
}

// Dexie keeps the browser's error as `inner`; a DOMException may carry its own `cause`.
function listErrorChain(error: unknown): { name: string; message: string }[] {
  const chain: { name: string; message: string }[] = [];
  let current: unknown = error;
  while (current && typeof current === 'object' && chain.length < 5) {
    const { name, message } = current as { name?: unknown; message?: unknown };
    chain.push({ name: typeof name === 'string' ? name : '', message: typeof message === 'string' ? message : '' });
    const next = (current as { inner?: unknown; cause?: unknown }).inner ?? (current as { cause?: unknown }).cause;
    current = next === current ? null : next;
  }
  if (chain.length === 0) chain.push({ name: '', message: String(error) });
  return chain;
}

/** Classifies a failure of the cache: `phase` says whether it happened opening it or using it. */
export function toCacheError(caught: unknown, phase: 'open' | 'use'): CacheError {
  if (isCacheError(caught)) return caught;
  const chain = listErrorChain(caught);
  const isFull = chain.some((e) => e.name === 'QuotaExceededError' || /quota/i.test(e.message));
  const code: CacheOffCode = isFull ? 'cache-full' : phase === 'open' ? 'cache-unavailable' : 'cache-failed';
  const innermost = chain[chain.length - 1];
  const detail = [innermost?.name, innermost?.message].filter(Boolean).join(': ') || 'unknown error';
  return new CacheError(code, `IndexedDB ${phase === 'open' ? 'could not be opened' : 'failed'} (${detail})`, { cause: caught });
}
