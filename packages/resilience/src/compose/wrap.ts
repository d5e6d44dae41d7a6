import { LazyContext } from "../shared/lazy-context";
import { contextFor } from "../shared/never-signal";
import { withWrap, type ExecuteContext, type Policy, type WrappingPolicy } from "../shared/policy";

/** The context a policy passes to its function. */
export type ContextOf<P> = P extends Policy<infer C> ? C : never;

/** The merged context of a list of policies (e.g. retry's `attempt` plus `signal`). */
export type MergedContext<P extends readonly unknown[]> = P extends readonly [
  infer Head,
  ...infer Rest,
]
  ? ContextOf<Head> & MergedContext<Rest>
  : ExecuteContext;

/**
 * Composes policies, **outermost first**: `wrap(retry, breaker, timeout(1_000))` retries
 * calls that go through the breaker, each attempt bounded by the timeout. One signal flows
 * from the caller through every layer (each may narrow it, e.g. the timeout), and the
 * function receives the merged context of all layers.
 *
 * @example
 * ```ts
 * const policy = wrap(retryWithBackoff({ maxAttempts: 3 }), circuitBreaker(), timeout(2_000));
 * const data = await policy.execute(({ signal, attempt }) => fetchQuotes({ signal, attempt }));
 * ```
 */
export const wrap = <const P extends readonly Policy<ExecuteContext>[]>(
  ...policies: P
): WrappingPolicy<MergedContext<P>> => {
  type C = MergedContext<P>;
  const step = <T>(
    index: number,
    outer: ExecuteContext | undefined,
    signal: AbortSignal | undefined,
    fn: (context: C) => T | PromiseLike<T>,
  ): T | PromiseLike<T> => {
    const layer = policies[index];
    if (layer === undefined) return fn((outer ?? contextFor(signal)) as C);
    // Read the outer signal only to hand it on: a policy may create it lazily.
    const layerSignal = outer === undefined ? signal : outer.signal;
    return layer.execute((inner) => {
      const merged = outer === undefined ? inner : mergeContexts(outer, inner);
      return step(index + 1, merged, undefined, fn);
    }, layerSignal);
  };
  const execute = <T>(fn: (context: C) => T | PromiseLike<T>, signal?: AbortSignal): Promise<T> => {
    try {
      return Promise.resolve(step(0, undefined, signal, fn));
    } catch (error) {
      return Promise.reject(error as Error);
    }
  };
  return withWrap(execute);
};

// Inner keys win; `signal` stays a getter so a lazily created signal is not forced.
const mergeContexts = (outer: ExecuteContext, inner: ExecuteContext): ExecuteContext => {
  const merged = new LazyContext(inner) as LazyContext & Record<string, unknown>;
  for (const key in outer) if (key !== "signal") merged[key] = (outer as never)[key];
  for (const key in inner) if (key !== "signal") merged[key] = (inner as never)[key];
  return merged;
};
