// React access to the services, the mirror's state and its data.
import { useSyncExternalStore } from 'react';
import type { MirrorState } from '../db/mirror-controller';
import type { MirrorStore, NewestItems } from '../db/mirror-store';
import { useLive } from '../db/use-live';
import { getServices } from './services';
import type { Services } from './services';

/** The app's services (started on first use). */
export function useServices(): Services {
  return getServices();
}

/** Changes whenever the search index changed: a dependency for searches. */
export function useIndexGeneration(): number {
  const { mirror } = getServices();
  return useSyncExternalStore(mirror.subscribe, mirror.getGeneration);
}

/** The cache's newest items, read at start before the index (null when none). */
export function useMirrorPreview(): NewestItems | null {
  const { mirror } = getServices();
  return useSyncExternalStore(mirror.subscribe, mirror.getPreview);
}

/** The mirror's sync status, last sync error and whether the offline cache is on. */
export function useMirrorState(): MirrorState {
  const { mirror } = getServices();
  return useSyncExternalStore(mirror.subscribe, mirror.getState);
}

/**
 * A query of the mirror as React state: re-run when its data changes, and when the mirror moves
 * between the offline cache and memory. `undefined` until the first answer.
 */
export function useMirrorQuery<T>(query: (store: MirrorStore) => Promise<T>, deps: readonly unknown[]): T | undefined {
  const { mirror } = getServices();
  return useLive((onValue) => mirror.observe(query, onValue), deps);
}
