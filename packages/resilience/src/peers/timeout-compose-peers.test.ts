import { ProviderError } from "@peak/errors";
import { describe, expect, it } from "vitest";
import { circuitBreaker } from "../breaker/circuit-breaker";
import { wrap } from "../compose/wrap";
import { isCircuitOpenError } from "../errors/circuit-open-error";
import { isRetryExhaustedError } from "../errors/retry-exhausted-error";
import { isTimeoutError } from "../errors/timeout-error";
import { retryWithBackoff } from "../retry/retry";
import { createVirtualClock, type VirtualClock } from "../time/virtual-clock";
import { timeout } from "../timeout/timeout";

// Peer scenarios (issue 14): cockatiel's timeout modes and wrap order, opossum's "a timeout
// is a failure", as our own tests against our API.

// Resolves "done" after `ms`; if `stopMs` is given, rejects with the abort reason that long
// after its signal aborts, otherwise ignores the signal.
const slowCall =
  (clock: VirtualClock, ms: number, stopMs?: number) =>
  ({ signal }: { signal: AbortSignal }) =>
    new Promise<string>((resolve, reject) => {
      clock.setTimeout(() => resolve("done"), ms);
      if (stopMs !== undefined)
        signal.addEventListener("abort", () =>
          clock.setTimeout(() => reject(signal.reason as Error), stopMs),
        );
    });

const settledAt = <T>(clock: VirtualClock, p: Promise<T>) => {
  const seen: { at?: number; value?: T; error?: unknown } = {};
  p.then(
    (value) => Object.assign(seen, { at: clock.now(), value }),
    (error: unknown) => Object.assign(seen, { at: clock.now(), error }),
  );
  return seen;
};

describe("peer scenarios: timeout modes (cockatiel TimeoutStrategy)", () => {
  it("cockatiel cooperative: aborts the signal, then waits for the call; a call that ignores it returns its result", async () => {
    const clock = createVirtualClock();
    let aborted: unknown;
    const seen = settledAt(
      clock,
      timeout(100, { clock }).execute((ctx) => {
        ctx.signal.addEventListener("abort", () => (aborted = ctx.signal.reason));
        return slowCall(clock, 300)(ctx);
      }),
    );
    await clock.advance(100);
    expect(isTimeoutError(aborted)).toBe(true);
    expect(seen.at).toBeUndefined();
    await clock.advance(200);
    expect(seen).toEqual({ at: 300, value: "done" });
  });

  it("cockatiel cooperative: a call that honours the abort settles the policy with a TimeoutError, no earlier", async () => {
    const clock = createVirtualClock();
    const seen = settledAt(clock, timeout(100, { clock }).execute(slowCall(clock, 1_000, 30)));
    await clock.advance(129);
    expect(seen.at).toBeUndefined();
    await clock.advance(1);
    expect(seen.at).toBe(130);
    expect(isTimeoutError(seen.error)).toBe(true);
  });

  it("cockatiel aggressive: rejects at the deadline while the call still runs, and its late result is dropped", async () => {
    const clock = createVirtualClock();
    const seen = settledAt(
      clock,
      timeout(100, { clock, mode: "aggressive" }).execute(slowCall(clock, 300)),
    );
    await clock.advance(100);
    expect(seen.at).toBe(100);
    expect(isTimeoutError(seen.error)).toBe(true);
    await clock.advance(200);
    expect(seen.value).toBeUndefined();
  });

  it("differs from opossum, whose timeout rejects fire() at once: our default is cooperative, because rejecting early could let a retry resend an order that is still in flight", async () => {
    const clock = createVirtualClock();
    const seen = settledAt(clock, timeout(10, { clock }).execute(slowCall(clock, 50)));
    await clock.advance(10);
    expect(seen.at).toBeUndefined();
    await clock.advance(40);
    expect(seen.value).toBe("done");
  });
});

describe("peer scenarios: wrap order (outermost first, as cockatiel's wrap)", () => {
  const setup = () => {
    const clock = createVirtualClock();
    const breaker = circuitBreaker({ failureThreshold: 2, recoveryTimeoutMs: 10_000, clock });
    const retry = retryWithBackoff({ clock, maxAttempts: 3, baseDelayMs: 10, jitter: "none" });
    let calls = 0;
    const down = () => (calls++, Promise.reject(new ProviderError("503", { retryable: true })));
    return { clock, breaker, retry, down, calls: () => calls };
  };

  it("retry(breaker(fn)): the retry sees the breaker's CircuitOpenError and stops; differs from cockatiel's handleAll retry, because CircuitOpenError is not retryable and retrying an open circuit only burns the backoff", async () => {
    const { clock, breaker, retry, down, calls } = setup();
    const done = wrap(retry, breaker)
      .execute(down)
      .catch((e: unknown) => e);
    await clock.runAll();
    const error = await done;
    expect(calls()).toBe(2);
    expect(isRetryExhaustedError(error) && error.reason).toBe("not-retryable");
    expect(isRetryExhaustedError(error) && isCircuitOpenError(error.lastError)).toBe(true);
    expect(breaker.state).toBe("open");
  });

  it("breaker(retry(fn)): the breaker sees one failure per exhausted retry run, not one per attempt", async () => {
    const { clock, breaker, retry, down, calls } = setup();
    const policy = wrap(breaker, retry);
    const first = policy.execute(down).catch((e: unknown) => e);
    await clock.runAll();
    expect(isRetryExhaustedError(await first)).toBe(true);
    expect(calls()).toBe(3);
    expect(breaker.state).toBe("closed");
    const second = policy.execute(down).catch(() => undefined);
    await clock.runAll();
    await second;
    expect(calls()).toBe(6);
    expect(breaker.state).toBe("open");
    await expect(policy.execute(down)).rejects.toSatisfy(isCircuitOpenError);
    expect(calls()).toBe(6);
  });

  it("retry(timeout(fn)): each attempt gets its own timeout and a TimeoutError is retried", async () => {
    const clock = createVirtualClock();
    const retry = retryWithBackoff({ clock, maxAttempts: 3, baseDelayMs: 5, jitter: "none" });
    const starts: number[] = [];
    const done = wrap(retry, timeout(100, { clock, mode: "aggressive" })).execute((ctx) => {
      starts.push(clock.now());
      return ctx.attempt < 3 ? slowCall(clock, 1_000)(ctx) : "third time";
    });
    await clock.advance(300);
    await expect(done).resolves.toBe("third time");
    expect(starts).toEqual([0, 105, 215]);
  });

  it("timeout(retry(fn)): one timeout bounds every attempt and backoff, and its abort stops the retry", async () => {
    const clock = createVirtualClock();
    const retry = retryWithBackoff({ clock, maxAttempts: 10, baseDelayMs: 40, jitter: "none" });
    let calls = 0;
    const seen = settledAt(
      clock,
      wrap(timeout(100, { clock }), retry).execute(
        () => (calls++, Promise.reject(new ProviderError("503", { retryable: true }))),
      ),
    );
    await clock.advance(100);
    expect(seen.at).toBe(100);
    expect(isTimeoutError(seen.error)).toBe(true);
    await clock.runAll();
    expect(calls).toBe(2);
  });

  it("opossum: a timed-out call counts as a breaker failure when the timeout is inside the breaker", async () => {
    const clock = createVirtualClock();
    const breaker = circuitBreaker({ failureThreshold: 1, clock });
    const done = wrap(breaker, timeout(50, { clock, mode: "aggressive" }))
      .execute(slowCall(clock, 500))
      .catch((e: unknown) => e);
    await clock.advance(50);
    expect(isTimeoutError(await done)).toBe(true);
    expect(breaker.state).toBe("open");
  });
});
