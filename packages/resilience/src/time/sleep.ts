import type { AbortScope } from "../shared/abort-scope";
import type { Clock } from "./clock";

/**
 * Waits `ms` milliseconds on `clock`. An abort of `scope` settles the promise at once with
 * the abort reason, clears the timer and stops listening.
 */
export const sleep = (clock: Clock, ms: number, scope?: AbortScope): Promise<void> =>
  new Promise<void>((resolve, reject) => {
    if (scope?.aborted) {
      reject(asError(scope.reason));
      return;
    }
    const stopWaiting = scope?.onAbort((reason) => {
      cancel();
      reject(asError(reason));
    });
    const cancel = clock.setTimeout(() => {
      stopWaiting?.();
      resolve();
    }, ms);
  });

/**
 * The reason of an aborted signal, as the signal holds it (a `DOMException` named
 * "AbortError" unless the aborter passed one), or a generic error if there is none.
 */
export const abortReason = (signal: AbortSignal | undefined): Error => asError(signal?.reason);

/** Abort reasons are passed on unchanged; typed as `Error` for rejection call sites. */
export const asError = (reason: unknown): Error =>
  (reason as Error | undefined) ?? new Error("The operation was aborted");
