// A handler whose identity never changes but which always runs the latest render's code: memoised
// children (the facet panel, the toolbar, the result list) then skip the renders of a keystroke.
import { useCallback, useLayoutEffect, useRef } from 'react';

/** Wraps `handler` for event props; do not call the result during render. */
export function useStableCallback<A extends unknown[], R>(handler: (...args: A) => R): (...args: A) => R {
  const latest = useRef(handler);
  useLayoutEffect(() => {
    latest.current = handler;
  });
  return useCallback((...args: A) => latest.current(...args), []);
}
