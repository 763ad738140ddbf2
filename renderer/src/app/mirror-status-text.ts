// What the toolbar says about the mirror, chosen by state and error code (never by message text).
import type { CacheState, MirrorState } from '../db/mirror-controller';

const CACHE_REASONS = {
  'cache-unavailable': 'this browser will not open its database (private mode, or site storage turned off)',
  'cache-full': 'the browser’s storage is full',
  'cache-failed': 'the browser’s database stopped working',
} as const;

/** The sync line: empty when all is well. */
export function describeSync(state: Pick<MirrorState, 'status' | 'syncError'>): string {
  switch (state.status) {
    case 'loading':
      return 'Loading…';
    case 'syncing':
      return 'Syncing…';
    case 'ready':
      return '';
    case 'error': {
      const code = state.syncError?.code;
      if (code === 'unavailable') return 'Sync failed: Annals cannot be reached. Retrying…';
      if (code === 'forbidden') return 'Sync failed: this page is not signed in. Open the address Annals printed.';
      return `Sync failed: ${state.syncError?.message ?? 'unknown error'}. Retrying…`;
    }
  }
}

/** The offline-cache line: empty while the cache is on. */
export function describeCache(cache: CacheState): string {
  if (cache.isOn) return '';
  return `Offline cache off: ${CACHE_REASONS[cache.code]}. Search and edits still work from Annals; nothing is lost. Retrying automatically.`;
}
