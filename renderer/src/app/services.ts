// The app's long-lived services, created once: the mirror (the offline cache, or memory when the
// cache is off), the search worker and the controller that keeps them in step with main.
// Components reach them through hooks and feature queries/mutations only.
import { callApi, onApiEvent } from '../api';
import type { ApiArgs, ApiChannel, ApiResultOf } from '../api';
import { openDexieStore } from '../db/dexie-store';
import { createMirrorController } from '../db/mirror-controller';
import type { MirrorController } from '../db/mirror-controller';
import { createPreviewCache } from '../db/preview-snapshot';
import type { CallApi } from '../db/sync';
import { startSearchWorker } from '../search/search-client';
import type { SearchClient } from '../search/search-client';

export interface Services {
  search: SearchClient;
  mirror: MirrorController;
}

/** callApi with the arguments always passed (the form the mirror's sync takes). */
export const callApiStrict: CallApi = <C extends ApiChannel>(channel: C, args: ApiArgs<C>): Promise<ApiResultOf<C>> =>
  (callApi as (c: C, a: ApiArgs<C>) => Promise<ApiResultOf<C>>)(channel, args);

// Reading localStorage throws where storage is refused (a sandboxed page).
function readLocalStorage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

let services: Services | null = null;

/** Starts the services on first use; later calls answer the same ones. */
export function getServices(): Services {
  if (services) return services;
  const search = startSearchWorker();
  const mirror = createMirrorController({
    openCache: (onFailure) => openDexieStore({ onFailure }),
    call: callApiStrict,
    indexer: search,
    // requestAnimationFrame runs just before a paint; the timeout after it, once the paint is done.
    waitForPaint: () => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0))),
    previewCache: createPreviewCache(readLocalStorage()),
  });
  services = { search, mirror };
  onApiEvent('items-changed', () => mirror.requestSync());
  // Pending index saves are flushed when the window is hidden or closed (best effort).
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'hidden') void mirror.flushSave();
  });
  void mirror.start();
  return services;
}
