import { ProviderError } from "@peak/errors";
import { describe, expect, it } from "vitest";
import { circuitBreaker } from "../breaker/circuit-breaker";
import type { RetryExhaustedError } from "../errors/retry-exhausted-error";
import { createVirtualClock } from "../time/virtual-clock";
import { retryWithBackoff } from "./retry";
import type { RetryOptions } from "./retry-options";
import { describeError } from "./retry-stop";

// The error a retry policy gives up with: its message, hint and context for each reason.

const giveUp = async (
  fn: () => unknown,
  options: RetryOptions = {},
  signal?: AbortSignal,
): Promise<RetryExhaustedError> => {
  const clock = options.clock ?? createVirtualClock(0);
  const retry = retryWithBackoff({ jitter: "none", baseDelayMs: 100, ...options, clock });
  const result = retry.execute(fn, signal).then(
    () => expect.fail("the policy did not give up"),
    (e: unknown) => e as RetryExhaustedError,
  );
  await (clock as ReturnType<typeof createVirtualClock>).runAll();
  return result;
};

const failing = (make: (n: number) => unknown) => {
  let n = 0;
  return () => Promise.reject(make(++n) as Error);
};

describe("the RetryExhaustedError of each stop reason", () => {
  it("max-attempts names the last error and suggests raising maxAttempts", async () => {
    const error = await giveUp(
      failing((n) => new ProviderError(`fail ${n}`)),
      { maxAttempts: 3 },
    );
    expect(error.message).toBe(
      "Gave up after 3 attempt(s): every attempt failed; last error: ProviderError: fail 3",
    );
    expect(error.hint).toBe(
      "See `errors` for each attempt; raise `maxAttempts` if the failure is transient",
    );
    expect(error.context).toStrictEqual({ maxAttempts: 3, reason: "max-attempts", attempts: 3 });
  });

  it("not-retryable shows the last error and points at retryOn", async () => {
    const error = await giveUp(
      failing((n) =>
        n === 1 ? new ProviderError("503") : new ProviderError("401", { retryable: false }),
      ),
    );
    expect(error.message).toBe("Gave up after 2 attempt(s): ProviderError: 401 (not retryable)");
    expect(error.hint).toBe(
      "The last error was not selected by `retryOn` (see `lastError`, also the `cause`)",
    );
  });

  it("aborted before any attempt keeps the abort reason as cause", async () => {
    const why = new Error("before");
    const error = await giveUp(() => "never", {}, AbortSignal.abort(why));
    expect(error.message).toBe("Gave up after 0 attempt(s): the signal was aborted");
    expect(error.hint).toBe("The caller aborted; nothing else to do");
    expect(error.cause).toBe(why);
    expect(error.context).toStrictEqual({ maxAttempts: 3, reason: "aborted", attempts: 0 });
  });

  it("aborted during a wait names the last attempt's error", async () => {
    const clock = createVirtualClock(0);
    const controller = new AbortController();
    // A fixed random source: with Math.random a jittered wait under 10 ms let a second attempt in.
    const retry = retryWithBackoff({
      clock,
      baseDelayMs: 1_000,
      retryOn: () => true,
      random: () => 0.5,
    });
    const result = retry
      .execute(
        failing(() => "plain string"),
        controller.signal,
      )
      .catch((e: unknown) => e as RetryExhaustedError);
    await clock.advance(10);
    controller.abort();
    const error = await result;
    expect(error.message).toBe(
      "Gave up after 1 attempt(s): the signal was aborted; last error: plain string",
    );
    expect(error.cause).toBe("plain string");
  });

  it("deadline: the running attempt is aborted with a TimeoutError naming deadlineMs", async () => {
    const clock = createVirtualClock(0);
    const retry = retryWithBackoff({ clock, deadlineMs: 500 });
    const result = retry
      .execute(
        ({ signal }) =>
          new Promise<never>((_, reject) =>
            signal.addEventListener("abort", () => reject(signal.reason as Error)),
          ),
      )
      .catch((e: unknown) => e as RetryExhaustedError);
    await clock.advance(499);
    expect(clock.pendingTimers).toBe(1);
    await clock.advance(1);
    const error = await result;
    expect(error.reason).toBe("deadline");
    expect(error.message).toBe(
      "Gave up after 1 attempt(s): the deadline was reached; last error: TimeoutError: Retry deadline of 500 ms reached",
    );
    expect(error.hint).toBe("Raise `deadlineMs`, or lower the delays or `maxAttempts`");
    expect(error.lastError).toMatchObject({
      code: "TIMEOUT",
      timeoutMs: 500,
      hint: "Raise `deadlineMs` or lower `maxAttempts`/delays",
    });
  });

  it("retry-after over maxRetryAfterMs says what was asked and what was allowed", async () => {
    const asked = () => Promise.reject(new ProviderError("429", { retryAfterMs: 120_000 }));
    const error = await giveUp(asked, { maxDelayMs: 60_000 });
    expect(error.message).toBe(
      "Gave up after 1 attempt(s): the provider asked to wait 120000 ms, more than maxRetryAfterMs allows (60000 ms); last error: ProviderError: 429",
    );
    expect(error.hint).toBe(
      "The provider asked for 120000 ms before the next call; retrying sooner risks a ban. Raise `maxRetryAfterMs` to wait that long, or try again later",
    );
    expect(error.context).toEqual({
      maxAttempts: 3,
      retryAfterMs: 120_000,
      reason: "retry-after",
      attempts: 1,
    });
  });

  it("retry-after past the deadline allows the whole milliseconds left", async () => {
    const clock = createVirtualClock(0);
    let n = 0;
    const fn = () =>
      Promise.reject(new ProviderError("429", { retryAfterMs: ++n === 1 ? 300 : 30_000 }));
    const error = await giveUp(fn, { clock, deadlineMs: 1_000.5, maxRetryAfterMs: 60_000 });
    expect(clock.now()).toBe(300);
    expect(error.message).toContain("more than deadlineMs allows (700 ms)");
    expect(error.hint).toContain("Raise `deadlineMs` to wait that long");
    expect(error.context).toMatchObject({ retryAfterMs: 30_000, attempts: 2 });
  });

  it("a wait exactly as long as the time left is still made", async () => {
    const clock = createVirtualClock(0);
    let n = 0;
    const fn = () =>
      ++n === 1
        ? Promise.reject(new ProviderError("429", { retryAfterMs: 1_000 }))
        : Promise.resolve("ok");
    const result = retryWithBackoff({ clock, deadlineMs: 2_000, maxRetryAfterMs: 1_000 }).execute(
      fn,
    );
    await clock.advance(1_000);
    await expect(result).resolves.toBe("ok");
  });
});

describe("describeError", () => {
  it("describes an open breaker with the time to its next probe", async () => {
    const clock = createVirtualClock(0);
    const breaker = circuitBreaker({
      name: "db",
      failureThreshold: 1,
      recoveryTimeoutMs: 2_500,
      clock,
    });
    await breaker.execute(() => Promise.reject(new ProviderError("down"))).catch(() => undefined);
    const rejected = await breaker.execute(() => "x").catch((e: unknown) => e);
    expect(describeError(rejected)).toBe('circuit "db" is open, next probe in 2.5 s');
    breaker.isolate();
    const isolated = await breaker.execute(() => "x").catch((e: unknown) => e);
    expect(describeError(isolated)).toBe('circuit "db" is open');
  });

  it("describes a half-open breaker with every probe slot taken", async () => {
    const clock = createVirtualClock(0);
    const breaker = circuitBreaker({
      name: "db",
      failureThreshold: 1,
      recoveryTimeoutMs: 10,
      clock,
    });
    await breaker.execute(() => Promise.reject(new ProviderError("down"))).catch(() => undefined);
    await clock.advance(10);
    void breaker.execute(() => new Promise(() => undefined));
    const rejected = await breaker.execute(() => "x").catch((e: unknown) => e);
    expect(describeError(rejected)).toBe('circuit "db" is half-open with every probe slot taken');
  });

  it("describes other errors by name and message, and other values as strings", () => {
    expect(describeError(new TypeError("bad"))).toBe("TypeError: bad");
    expect(describeError(42)).toBe("42");
    expect(describeError({ retryAfterMs: 5 })).toBe("[object Object]");
  });
});
