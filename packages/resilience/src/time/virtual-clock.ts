import type { CancelTimer, Clock } from "./clock";

/** A clock for tests: time moves only when you call `advance`. */
export interface VirtualClock extends Clock {
  /** Moves time forward by `ms`, firing due timers in order and letting promises settle. */
  advance(ms: number): Promise<void>;
  /** Fires every pending timer (and timers they start), up to `limit` timers. */
  runAll(limit?: number): Promise<void>;
  /** Lets pending promise callbacks run without moving time. */
  flush(): Promise<void>;
  /** Number of timers waiting to fire. */
  readonly pendingTimers: number;
}

interface Timer {
  readonly at: number;
  readonly seq: number;
  readonly callback: () => void;
}

// A real macrotask turn: every queued promise callback has run when it resolves.
const macrotask = (): Promise<void> =>
  new Promise((resolve) => {
    if (typeof setImmediate === "function") setImmediate(resolve);
    else setTimeout(resolve, 0);
  });

/**
 * Creates a {@link VirtualClock} starting at `startMs` (epoch milliseconds). Pass it as the
 * `clock` option of any policy; nothing then depends on real time.
 *
 * @example
 * ```ts
 * const clock = createVirtualClock();
 * const retry = retryWithBackoff({ clock, baseDelayMs: 1_000, jitter: "none" });
 * const done = retry.execute(flakyCall);
 * await clock.advance(1_000); // the first retry runs now
 * ```
 */
export const createVirtualClock = (startMs = 0): VirtualClock => {
  let now = startMs;
  let seq = 0;
  const timers: Timer[] = [];
  const next = (until: number): Timer | undefined => {
    let best: Timer | undefined;
    for (const t of timers)
      if (t.at <= until && (!best || t.at < best.at || (t.at === best.at && t.seq < best.seq)))
        best = t;
    return best;
  };
  const fire = (timer: Timer): void => {
    timers.splice(timers.indexOf(timer), 1);
    now = Math.max(now, timer.at);
    timer.callback();
  };
  return {
    now: () => now,
    setTimeout(callback, ms): CancelTimer {
      const timer = { at: now + Math.max(0, ms), seq: seq++, callback };
      timers.push(timer);
      return () => {
        const index = timers.indexOf(timer);
        if (index >= 0) timers.splice(index, 1);
      };
    },
    async advance(ms) {
      const target = now + ms;
      await macrotask();
      for (let t = next(target); t; t = next(target)) {
        fire(t);
        await macrotask();
      }
      now = target;
      await macrotask();
    },
    async runAll(limit = 10_000) {
      await macrotask();
      for (let i = 0; i < limit && timers.length > 0; i += 1) {
        const t = next(Infinity);
        if (t) fire(t);
        await macrotask();
      }
    },
    flush: macrotask,
    get pendingTimers() {
      return timers.length;
    },
  };
};
