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
   * Runs `callback` once after `ms` milliseconds. The timer must not keep the process alive.
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

/**
 * The default clock: monotonic `performance.timeOrigin + performance.now()` (epoch
 * milliseconds that never jump with the wall clock) and `unref()`-ed timers, so a pending
 * backoff or timeout never keeps Node alive on its own.
 */
export const systemClock: Clock = {
  now: () => origin + performance.now(),
  setTimeout(callback, ms) {
    const handle = setTimeout(callback, ms);
    unrefTimer(handle);
    return () => clearTimeout(handle);
  },
};
