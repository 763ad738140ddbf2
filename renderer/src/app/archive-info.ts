// The archive's description (path, counts, transport), asked of main at start and again after
// changes, so the toolbar's item count follows imports and outside edits.
import { useEffect, useState } from 'react';
import { type ArchiveInfo, onApiEvent } from '../api';
import { callApiStrict } from './services';

let cached: Promise<ArchiveInfo> | null = null;

// An import announces a change per file: refresh at most this often.
const REFRESH_DELAY_MS = 400;

/** Loads (once, until the archive changes) the archive info. */
export function loadArchiveInfo(): Promise<ArchiveInfo> {
  cached ??= callApiStrict('archive:info', {}).catch((caught: unknown) => {
    cached = null;
    throw caught;
  });
  return cached;
}

/** The archive info, null until known; refreshed after the archive changes. */
export function useArchiveInfo(): ArchiveInfo | null {
  const [info, setInfo] = useState<ArchiveInfo | null>(null);
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const refresh = () =>
      loadArchiveInfo().then(setInfo, (caught: unknown) => console.error('archive:info failed', caught));
    void refresh();
    const stop = onApiEvent('items-changed', () => {
      if (timer !== undefined) return;
      timer = setTimeout(() => {
        timer = undefined;
        cached = null;
        void refresh();
      }, REFRESH_DELAY_MS);
    });
    return () => {
      stop();
      if (timer !== undefined) clearTimeout(timer);
    };
  }, []);
  return info;
}
