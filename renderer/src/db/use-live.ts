// A live query as React state: `observe` runs the query and calls back with each new answer.
import { useEffect, useState } from 'react';

/** Subscribes with `observe` (again when `deps` change); `undefined` until the first answer. */
export function useLive<T>(observe: (onValue: (value: T) => void) => () => void, deps: readonly unknown[]): T | undefined {
  const [value, setValue] = useState<T | undefined>(undefined);
  useEffect(() => {
    return observe((next) => setValue(() => next));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, deps);
  return value;
}
