import {
  BulkheadRejectedError,
  type BulkheadRejectReason,
} from "../errors/bulkhead-rejected-error";
import { withoutStack } from "../shared/brand";
import { contextFor } from "../shared/never-signal";
import type { ExecuteContext, WrappingPolicy } from "../shared/policy";
import { rejectSoon } from "../shared/to-result";
import { checkInteger, checkNumber } from "../shared/validate";
import { systemClock, type Clock } from "../time/clock";
import { abortReason } from "../time/sleep";
import { WaitingLine, type LineEntry } from "./waiting-line";

/** Options of {@link bulkhead}. */
export interface BulkheadOptions {
  /** Name used in errors and metrics. @defaultValue "bulkhead" */
  name?: string;
  /** Calls allowed in flight at once. */
  maxConcurrent: number;
  /** Calls allowed to wait for a slot (FIFO); the rest are rejected at once. @defaultValue 0 */
  maxQueue?: number;
  /** Longest a call may wait in the queue before it is rejected. @defaultValue no limit */
  queueTimeoutMs?: number;
  /** Source of time (for `queueTimeoutMs`). @defaultValue {@link systemClock} */
  clock?: Clock;
}

/** A bulkhead's live counts and totals. */
export interface BulkheadStats {
  readonly inFlight: number;
  readonly queued: number;
  readonly admitted: number;
  readonly rejected: number;
}

/** A policy bounding concurrency; see {@link bulkhead}. */
export interface Bulkhead extends WrappingPolicy {
  readonly name: string;
  /** In-flight and queued calls now, admitted and rejected since creation. */
  readonly stats: BulkheadStats;
}

interface Queued extends LineEntry {
  readonly start: () => void;
  readonly stop: () => void;
}

const OWNER = "bulkhead";

/**
 * A bulkhead: at most `maxConcurrent` calls in flight, up to `maxQueue` more waiting in FIFO
 * order; any other call is rejected at once with a {@link BulkheadRejectedError}
 * (`BULKHEAD_FULL`). A waiting call leaves the queue when its signal aborts or after
 * `queueTimeoutMs`. Slots are freed when a call settles, whatever its outcome.
 *
 * @throws {@link ConfigError} for a bad option
 * @example
 * ```ts
 * const candles = bulkhead({ name: "candles", maxConcurrent: 8, maxQueue: 500, queueTimeoutMs: 30_000 });
 * await Promise.all(symbols.map((s) => candles.execute(({ signal }) => fetchCandles(s, { signal }))));
 * ```
 */
export const bulkhead = (options: BulkheadOptions): Bulkhead => {
  const name = options.name ?? OWNER;
  const maxConcurrent = checkInteger(
    OWNER,
    "maxConcurrent",
    options.maxConcurrent,
    undefined,
    1,
    true,
  );
  const maxQueue = checkInteger(OWNER, "maxQueue", options.maxQueue, 0, 0, true);
  const queueTimeoutMs = checkNumber(OWNER, "queueTimeoutMs", options.queueTimeoutMs, Infinity);
  const clock = options.clock ?? systemClock;
  const queue = new WaitingLine<Queued>();
  const errors = new Map<BulkheadRejectReason, BulkheadRejectedError>();
  let inFlight = 0;
  let admitted = 0;
  let rejected = 0;

  const rejection = (reason: BulkheadRejectReason): BulkheadRejectedError => {
    rejected += 1;
    let error = errors.get(reason);
    if (error === undefined) {
      const message =
        reason === "full"
          ? `Bulkhead "${name}" is full (${maxConcurrent} in flight, ${maxQueue} queued)`
          : `Call waited ${queueTimeoutMs} ms in the queue of bulkhead "${name}"`;
      const hint =
        "Shed or retry later, or raise maxConcurrent / maxQueue if the downstream can take it";
      const created = withoutStack(
        () =>
          new BulkheadRejectedError(message, {
            bulkheadName: name,
            reason,
            maxConcurrent,
            maxQueue,
            hint,
          }),
      );
      errors.set(reason, created);
      error = created;
    }
    return error;
  };
  const release = (): void => {
    inFlight -= 1;
    const next = queue.shift();
    if (next !== undefined) {
      next.stop();
      next.start();
    }
  };
  // The caller gets the call's own promise, with one side reaction freeing the slot: that
  // reaction is registered first, so the slot is free before the caller resumes, and it never
  // rejects (both handlers return), so it cannot raise an unhandled rejection of its own.
  const run = <T>(
    fn: (context: ExecuteContext) => T | PromiseLike<T>,
    signal?: AbortSignal,
  ): Promise<T> => {
    inFlight += 1;
    admitted += 1;
    let value: T | PromiseLike<T>;
    try {
      value = fn(contextFor(signal));
    } catch (error) {
      value = Promise.reject(error as Error);
    }
    // The call's own promise when it returned one (Promise.resolve hands a native promise back
    // as it is). For a plain value the slot is still freed in a reaction, never inline, so a
    // queue of synchronous calls cannot recurse through release → start → run.
    const result = Promise.resolve(value);
    void result.then(release, release);
    return result;
  };
  const enqueue = <T>(fn: (context: ExecuteContext) => T | PromiseLike<T>, signal?: AbortSignal) =>
    new Promise<T>((resolve, reject) => {
      const cleanups: (() => void)[] = [];
      const leave = (error: unknown): void => {
        queue.remove(entry);
        entry.stop();
        reject(error as Error);
      };
      const entry: Queued = {
        left: false,
        start: () => void run(fn, signal).then(resolve, reject),
        stop: () => cleanups.forEach((c) => c()),
      };
      if (signal !== undefined) {
        const onAbort = (): void => leave(abortReason(signal));
        // Stryker disable next-line ObjectLiteral,BooleanLiteral: a signal fires "abort" once, and leaving the queue removes the listener anyway
        signal.addEventListener("abort", onAbort, { once: true });
        cleanups.push(() => signal.removeEventListener("abort", onAbort));
      }
      if (queueTimeoutMs !== Infinity) {
        cleanups.push(clock.setTimeout(() => leave(rejection("queue-timeout")), queueTimeoutMs));
      }
      queue.push(entry);
    });
  const execute = <T>(
    fn: (context: ExecuteContext) => T | PromiseLike<T>,
    signal?: AbortSignal,
  ): Promise<T> => {
    if (signal?.aborted) return Promise.reject(abortReason(signal));
    if (inFlight < maxConcurrent) return run(fn, signal);
    if (queue.size < maxQueue) return enqueue(fn, signal);
    return rejectSoon(rejection("full"));
  };
  return {
    name,
    execute,
    wrap:
      (fn) =>
      (...args) =>
        execute(() => fn(...args)),
    get stats(): BulkheadStats {
      return { inFlight, queued: queue.size, admitted, rejected };
    },
  };
};
