import { Listeners } from "../shared/listeners";
import type { ExecuteContext, WrappingPolicy } from "../shared/policy";
import { checkInteger, checkNumber } from "../shared/validate";
import { systemClock, type CancelTimer, type Clock } from "../time/clock";
import { abortReason } from "../time/sleep";

/** Options of {@link hedge}. */
export interface HedgeOptions {
  /** Name used in events and metrics. @defaultValue "hedge" */
  name?: string;
  /** How long an attempt may go unanswered before the next one starts. */
  delayMs: number;
  /** Extra attempts at most (so `maxHedges + 1` in flight at worst). @defaultValue 1 */
  maxHedges?: number;
  /** Source of time. @defaultValue {@link systemClock} */
  clock?: Clock;
}

/** A hedge starting (attempt >= 2) or a hedged attempt winning. */
export interface HedgeEvent {
  readonly type: "started" | "won";
  /** 1 for the first attempt, 2 for the first hedge, … */
  readonly attempt: number;
}

/** A hedging policy; see {@link hedge}. */
export interface HedgePolicy extends WrappingPolicy {
  readonly name: string;
  /** Calls made, hedges started and hedges that answered first. */
  readonly stats: {
    readonly calls: number;
    readonly hedgesStarted: number;
    readonly hedgesWon: number;
  };
  /** Calls `listener` when a hedge starts and when a hedge wins; returns a stop function. */
  onEvent(listener: (event: HedgeEvent) => void): () => void;
}

const others = new WeakMap<object, readonly unknown[]>();

/** The errors of the other attempts, attached to the first error a failed hedged call rejects with. */
export const hedgedErrors = (error: unknown): readonly unknown[] =>
  (typeof error === "object" && error !== null && others.get(error)) || [];

/**
 * Hedged requests: if an attempt has not answered after `delayMs`, start another (up to
 * `maxHedges` more; an attempt that fails early starts the next one at once). The first
 * success wins and the other attempts are aborted through their signals. If all fail, the
 * call rejects with the first error; {@link hedgedErrors} returns the others. Use it only for
 * idempotent reads (a quote, an order book), never to place orders.
 *
 * @throws {@link ConfigError} for a bad option
 * @example
 * ```ts
 * const quote = hedge({ delayMs: 150, maxHedges: 1 });
 * const bid = await quote.execute(({ signal }) => fetchQuote("ETHUSDT", { signal }));
 * ```
 */
export const hedge = (options: HedgeOptions): HedgePolicy => {
  const name = options.name ?? "hedge";
  const delayMs = checkNumber("hedge", "delayMs", options.delayMs, undefined);
  const maxHedges = checkInteger("hedge", "maxHedges", options.maxHedges, 1, 0);
  const clock = options.clock ?? systemClock;
  const listeners = new Listeners<HedgeEvent>();
  const stats = { calls: 0, hedgesStarted: 0, hedgesWon: 0 };
  const execute = <T>(
    fn: (context: ExecuteContext) => T | PromiseLike<T>,
    signal?: AbortSignal,
  ): Promise<T> => {
    if (signal?.aborted) return Promise.reject(abortReason(signal));
    stats.calls += 1;
    return new Promise<T>((resolve, reject) => {
      const controllers: AbortController[] = [];
      const errors: unknown[] = [];
      let pending = 0;
      let done = false;
      let cancelTimer: CancelTimer = () => {};
      const finish = (): void => {
        done = true;
        cancelTimer();
        signal?.removeEventListener("abort", onAbort);
      };
      const onAbort = (): void => {
        finish();
        // Stryker disable next-line OptionalChaining: onAbort is only ever added to a signal, so `signal` is set here
        for (const c of controllers) c.abort(signal?.reason);
        reject(abortReason(signal));
      };
      const start = (): void => {
        const attempt = controllers.length + 1;
        const controller = new AbortController();
        controllers.push(controller);
        pending += 1;
        if (attempt > 1) {
          stats.hedgesStarted += 1;
          listeners.emit({ type: "started", attempt });
        }
        cancelTimer();
        if (attempt <= maxHedges) cancelTimer = clock.setTimeout(start, delayMs);
        new Promise<T>((r) => r(fn({ signal: controller.signal }))).then(
          (value) => {
            // Stryker disable next-line AssignmentOperator: a success ends the call (done), so `pending` is never read after it
            pending -= 1;
            if (done) return;
            finish();
            for (const c of controllers)
              if (c !== controller) c.abort(new Error("Another hedged attempt answered first"));
            if (attempt > 1) {
              stats.hedgesWon += 1;
              listeners.emit({ type: "won", attempt });
            }
            resolve(value);
          },
          (error: unknown) => {
            pending -= 1;
            errors.push(error);
            if (done || pending > 0) return;
            if (controllers.length <= maxHedges) return start();
            finish();
            const first = errors[0];
            if (typeof first === "object" && first !== null)
              others.set(first, Object.freeze(errors.slice(1)));
            reject(first as Error);
          },
        );
      };
      // Stryker disable next-line ObjectLiteral,BooleanLiteral: a signal fires "abort" at most once, and finish() removes the listener anyway
      signal?.addEventListener("abort", onAbort, { once: true });
      start();
    });
  };
  return {
    name,
    execute,
    wrap:
      (fn) =>
      (...args) =>
        execute(() => fn(...args)),
    get stats() {
      return { ...stats };
    },
    onEvent: (listener) => listeners.add(listener),
  };
};
