import { systemClock, unrefClock, type CancelTimer, type Clock } from "../time/clock";

/** How long before its deadline a wake on a real clock stops sleeping and polls the clock. */
export const POLL_MS = 1;

/** Runs a callback on the next turn of the event loop; returns a function that cancels it. */
export type Immediate = (callback: () => void) => CancelTimer;

const immediate =
  (unref: boolean): Immediate =>
  (callback) => {
    const handle = setImmediate(callback);
    if (unref) handle.unref();
    return () => clearImmediate(handle);
  };
const refImmediate = immediate(false);
const unrefImmediate = immediate(true);

/**
 * The event-loop poll for `clock`: only the real clocks ({@link systemClock}, {@link unrefClock},
 * whose timers fire up to a few ms late) have one. A virtual or custom clock gets `undefined`:
 * its timers are trusted to fire on time, and polling a clock that does not move would spin.
 */
export const immediateFor = (clock: Clock): Immediate | undefined =>
  clock === systemClock ? refImmediate : clock === unrefClock ? unrefImmediate : undefined;

/**
 * Calls `callback` once, at the first moment `clock.now() >= at`. Without `poll` it is one
 * timer (set again if it fires early). With `poll`, the timer wakes {@link POLL_MS} early and
 * the last stretch polls the clock once per event-loop turn, so a wake lands within a fraction
 * of a millisecond of `at` instead of the 1-2 ms a timer is late: a limiter whose next window
 * opens from the real time of the last admission would otherwise drift later batch by batch.
 * That costs at most {@link POLL_MS} of polling per wake.
 * @returns a function that cancels the wake
 */
export const wakeAt = (
  clock: Clock,
  poll: Immediate | undefined,
  at: number,
  callback: () => void,
): CancelTimer => {
  let cancel: CancelTimer;
  const arm = (left: number): void => {
    cancel =
      poll !== undefined && left <= POLL_MS
        ? poll(check)
        : clock.setTimeout(check, Math.max(0, poll === undefined ? left : left - POLL_MS));
  };
  const check = (): void => {
    const left = at - clock.now();
    if (left <= 0) callback();
    else arm(left);
  };
  arm(at - clock.now());
  return () => cancel();
};
