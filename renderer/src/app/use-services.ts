// React access to the services and the mirror's state.
import { useSyncExternalStore } from 'react';
import type { MirrorStatus } from '../db/mirror-controller';
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

/** The mirror's sync status and last error. */
export function useMirrorStatus(): { status: MirrorStatus; error: string | null } {
  const { mirror } = getServices();
  const status = useSyncExternalStore(mirror.subscribe, mirror.getStatus);
  const error = useSyncExternalStore(mirror.subscribe, mirror.getError);
  return { status, error };
}
