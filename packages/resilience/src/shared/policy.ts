/**
 * What every policy passes to the function it runs. Read `signal` directly or destructure it
 * (`({ signal }) => fetch(url, { signal })`): policies create it lazily behind a getter, so a
 * function that never reads it costs no `AbortSignal`, and spreading the context (`{ ...ctx }`)
 * does not copy it.
 */
export interface ExecuteContext {
  /** Aborted when the caller, a timeout or a deadline gives up on this call; pass it on. */
  readonly signal: AbortSignal;
}

/**
 * A resilience policy: something that runs a function on your behalf (breaker, retry,
 * timeout, or a {@link wrap} of several).
 *
 * @typeParam C - the context the function receives
 */
export interface Policy<C extends ExecuteContext = ExecuteContext> {
  /**
   * Runs `fn` under this policy.
   * @param signal - the caller's signal; aborting it cancels waits and is passed to `fn`
   */
  execute<T>(fn: (context: C) => T | PromiseLike<T>, signal?: AbortSignal): Promise<T>;
}

/** A {@link Policy} that can also wrap a plain function. */
export interface WrappingPolicy<C extends ExecuteContext = ExecuteContext> extends Policy<C> {
  /** Returns `fn` run under this policy, with the same parameters (no signal is passed). */
  wrap<A extends unknown[], T>(fn: (...args: A) => T | PromiseLike<T>): (...args: A) => Promise<T>;
}

/** Completes a policy from its `execute`: `wrap(fn)` runs `fn` through `execute` with no signal. */
export const withWrap = <C extends ExecuteContext>(
  execute: <T>(fn: (context: C) => T | PromiseLike<T>, signal?: AbortSignal) => Promise<T>,
): WrappingPolicy<C> => ({
  execute,
  wrap:
    (fn) =>
    (...args) =>
      execute(() => fn(...args)),
});

/** What a function run by a retry policy receives. */
export interface RetryContext extends ExecuteContext {
  /** 1 for the first call, 2 for the first retry, … */
  readonly attempt: number;
}

/** The outcome of a call that never throws: `tryExecute`'s result. */
export type ExecuteResult<T> = { ok: true; value: T } | { ok: false; error: unknown };
