/** Cancels a timer started with {@link Clock.setTimeout}; calling it twice is harmless. */
export type CancelTimer = () => void;

/**
 * The source of time for every policy in this package. Inject one to control time in tests
 * (see `createVirtualClock` in `@peak/resilience/testing`) or to plug in your own scheduler.
 */
export interface Clock {
  /** Current time in epoch milliseconds; it must never go backwards. */
  now(): number;
  /**
   * Runs `callback` once after `ms` milliseconds. Policies cancel every timer as soon as the
   * call it belongs to settles or is aborted, so no timer outlives its call.
   * @returns a function that cancels the timer
   */
  setTimeout(callback: () => void, ms: number): CancelTimer;
}

const unrefTimer = (handle: unknown): void => {
  if (typeof handle === "object" && handle !== null && "unref" in handle) {
    (handle as { unref(): void }).unref();
  }
};

const origin = performance.timeOrigin;

const now = (): number => origin + performance.now();

/**
 * The default clock: monotonic `performance.timeOrigin + performance.now()` (epoch
 * milliseconds that never jump with the wall clock) and ordinary timers. A backoff or timeout
 * that a caller is awaiting keeps Node running like any other pending work (a script never
 * exits half-way through a retry), and every timer is cleared the moment its call settles or
 * is aborted, so none is left holding the process open afterwards.
 */
export const systemClock: Clock = {
  now,
  setTimeout(callback, ms) {
    const handle = setTimeout(callback, ms);
    return () => clearTimeout(handle);
  },
};

/**
 * Like {@link systemClock}, but its timers are `unref()`-ed: for fire-and-forget background
 * work that must never delay a process exit. A call waiting on this clock is abandoned if
 * nothing else keeps Node alive.
 *
 * @example
 * ```ts
 * const refresher = retryWithBackoff({ clock: unrefClock, maxAttempts: 10 });
 * void refresher.execute(refreshQuotes); // does not hold the process open
 * ```
 */
export const unrefClock: Clock = {
  now,
  setTimeout(callback, ms) {
    const handle = setTimeout(callback, ms);
    unrefTimer(handle);
    return () => clearTimeout(handle);
  },
};
