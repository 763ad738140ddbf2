// The archive's description (path, counts, transport), asked of main once.
import { useEffect, useState } from 'react';
import type { ArchiveInfo } from '../api';
import { callApiStrict } from './services';

let cached: Promise<ArchiveInfo> | null = null;

/** Loads (once) the archive info. */
export function loadArchiveInfo(): Promise<ArchiveInfo> {
  cached ??= callApiStrict('archive:info', {}).catch((caught: unknown) => {
    cached = null;
    throw caught;
  });
  return cached;
}

/** The archive info, null until known. */
export function useArchiveInfo(): ArchiveInfo | null {
  const [info, setInfo] = useState<ArchiveInfo | null>(null);
  useEffect(() => {
    loadArchiveInfo().then(setInfo, (caught: unknown) => console.error('archive:info failed', caught));
  }, []);
  return info;
}
