import type { ExecuteContext, RetryContext } from "./policy";

/**
 * A context whose `signal` is read from `source` on demand, so a lazily created signal is
 * only created if the function reads it. A class (not an object literal with a getter): V8
 * builds object literals with accessors on a slow path costing microseconds.
 */
export class LazyContext implements ExecuteContext {
  readonly #source: { readonly signal: AbortSignal };

  constructor(source: { readonly signal: AbortSignal }) {
    this.#source = source;
  }

  /** The call's signal. */
  get signal(): AbortSignal {
    return this.#source.signal;
  }
}

/** A {@link LazyContext} that also carries the retry attempt number. */
export class LazyRetryContext extends LazyContext implements RetryContext {
  readonly attempt: number;

  constructor(attempt: number, source: { readonly signal: AbortSignal }) {
    super(source);
    this.attempt = attempt;
  }
}
