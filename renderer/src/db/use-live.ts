// A live Dexie query as React state (what dexie-react-hooks offers, without the extra package).
import { liveQuery } from 'dexie';
import { useEffect, useState } from 'react';

/** Re-runs `querier` whenever the tables it read change; `undefined` until the first answer. */
export function useLive<T>(querier: () => Promise<T> | T, deps: readonly unknown[]): T | undefined {
  const [value, setValue] = useState<T | undefined>(undefined);
  useEffect(() => {
    const subscription = liveQuery(querier).subscribe({
      next: (next) => setValue(() => next),
      error: (caught) => console.error('live query failed', caught),
    });
    return () => subscription.unsubscribe();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, deps);
  return value;
}
