import type { Clock } from "./clock";

/**
 * Waits `ms` milliseconds on `clock`. An abort settles the promise at once with the
 * signal's reason, clears the timer and removes the listener.
 */
export const sleep = (clock: Clock, ms: number, signal?: AbortSignal): Promise<void> =>
  new Promise<void>((resolve, reject) => {
    if (signal?.aborted) {
      reject(abortReason(signal));
      return;
    }
    const onAbort = (): void => {
      cancel();
      reject(abortReason(signal));
    };
    const cancel = clock.setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    signal?.addEventListener("abort", onAbort, { once: true });
  });

/**
 * The reason of an aborted signal, as the signal holds it (a `DOMException` named
 * "AbortError" unless the aborter passed one), or a generic error if there is none.
 */
export const abortReason = (signal: AbortSignal | undefined): Error =>
  (signal?.reason as Error | undefined) ?? new Error("The operation was aborted");
