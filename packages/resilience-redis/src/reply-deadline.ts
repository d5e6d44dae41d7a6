/** How late (ms) a deadline timer may fire before this process counts as having been busy. */
const LATE_MS = 5;

/**
 * Runs `verdict` once `ms` have passed. A timer that fires late means this process was busy (a
 * long synchronous task, a GC pause, a starved CPU), and an answer may already sit unread in a
 * socket: then the verdict waits one turn of the event loop, until the I/O that is ready has been
 * handled, so Redis is not blamed for this process's own stall. Returns the timer, for
 * `clearTimeout` (which also stops a verdict not yet deferred).
 */
const onDeadline = (ms: number, verdict: () => void): ReturnType<typeof setTimeout> => {
  const startedAt = performance.now();
  return setTimeout(() => {
    // Stryker disable next-line EqualityOperator: exactly LATE_MS late either way waits one turn or not; both are right
    if (performance.now() - startedAt - ms > LATE_MS) setImmediate(verdict);
    else verdict();
  }, ms);
};

/**
 * Settles as `reply` does, or rejects with `Command timed out after <ms> ms` when it has not
 * settled by the deadline ({@link onDeadline}: a reply that arrived while this process was busy
 * still counts). A later settlement of `reply` is ignored, never an unhandled rejection.
 * @example
 * ```ts
 * const pong = await withDeadline(client.ping(), 250);
 * ```
 */
export const withDeadline = <T>(reply: Promise<T>, ms: number): Promise<T> => {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const expired = new Promise<never>((_, reject) => {
    timer = onDeadline(ms, () => reject(new Error(`Command timed out after ${ms} ms`)));
  });
  // The race handles both promises, so whichever settles second is ignored, never unhandled.
  return Promise.race([reply, expired]).finally(() => clearTimeout(timer));
};
