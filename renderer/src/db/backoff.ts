// Retries that wait longer after each failure: the cache's reopening and a failed sync.

/** Delay before retry number `attempt` (0 first): `firstMs · factor^attempt`, at most `maxMs`. */
export function computeBackoff(attempt: number, policy: { firstMs: number; factor: number; maxMs: number }): number {
  return Math.min(policy.maxMs, policy.firstMs * policy.factor ** Math.max(0, attempt));
}

export interface RetryTimer {
  /** Runs `task` after the next delay (replacing a retry already planned); answers when it is due (ms epoch). */
  schedule(task: () => void): number;
  /** Back to the first delay, and nothing planned (the thing being retried works again). */
  reset(): void;
  /** Drops the planned retry, keeping the attempt count. */
  cancel(): void;
  isScheduled(): boolean;
}

/** A timer for one kind of retry; `delayOf(attempt)` gives each wait. */
export function createRetryTimer(delayOf: (attempt: number) => number, now: () => number = Date.now): RetryTimer {
  let attempt = 0;
  let timer: ReturnType<typeof setTimeout> | null = null;
  const cancel = () => {
    if (timer !== null) clearTimeout(timer);
    timer = null;
  };
  return {
    schedule(task) {
      cancel();
      const delay = delayOf(attempt++);
      timer = setTimeout(() => {
        timer = null;
        task();
      }, delay);
      return now() + delay;
    },
    reset() {
      cancel();
      attempt = 0;
    },
    cancel,
    isScheduled: () => timer !== null,
  };
}
