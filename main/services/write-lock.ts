// Serialises writes to the archive: an edit arriving while an import writes a file waits for it, so
// the in-memory view and the disk never see two changes interleave.

export interface WriteLock {
  run<T>(task: () => Promise<T>): Promise<T>;
}

/** A FIFO lock: tasks run one at a time, in the order they were submitted; a failure does not block the queue. */
export function createWriteLock(): WriteLock {
  let tail: Promise<unknown> = Promise.resolve();
  return {
    run<T>(task: () => Promise<T>): Promise<T> {
      const result = tail.then(task, task);
      tail = result.catch(() => undefined);
      return result;
    },
  };
}
