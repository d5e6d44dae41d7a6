import type { RateLimitedError } from "../errors/rate-limited-error";
import type { Clock } from "../time/clock";

const ignore = (): void => {};

/**
 * The refusal shared by every call a budget rejects for the same weight and slot: one
 * `RateLimitedError` (with the stack of the first refused call) whose `retryAfterMs`, `hint`
 * and `context.retryAfterMs` are read live from the clock, and one rejected promise that is
 * already handled. Each refused call gets its own promise from {@link Rejection.promise}:
 * building an error (stack capture, message checks) or a promise rejected before its caller
 * can attach a handler (Node's unhandled-rejection bookkeeping) would each cost several
 * times everything else a rejection does.
 */
export class Rejection {
  readonly weight: number;
  readonly slot: number;
  readonly error: RateLimitedError;
  private readonly settled: Promise<never>;

  constructor(
    error: RateLimitedError,
    weight: number,
    slot: number,
    clock: Clock,
    hintFor: (retryAfterMs: number) => string,
  ) {
    this.error = error;
    this.weight = weight;
    this.slot = slot;
    const retryAfterMs = (): number => Math.max(0, slot - clock.now());
    let shown = error.retryAfterMs;
    let context = error.context;
    Object.defineProperties(error, {
      retryAfterMs: { get: retryAfterMs, enumerable: true },
      hint: { get: () => hintFor(retryAfterMs()), enumerable: true },
      context: {
        get: () => {
          const now = retryAfterMs();
          if (now !== shown) context = Object.freeze({ ...context, retryAfterMs: (shown = now) });
          return context;
        },
        enumerable: true,
      },
    });
    this.settled = Promise.reject(error);
    this.settled.catch(ignore);
  }

  /** A new promise that rejects with the error one microtask from now (so its caller's handler is already attached). */
  promise<T>(): Promise<T> {
    return this.settled.then();
  }
}
