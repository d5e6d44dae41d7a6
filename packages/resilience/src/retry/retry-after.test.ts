import { ProviderError } from "@peak/errors";
import { describe, expect, it } from "vitest";
import { isRetryExhaustedError } from "../errors/retry-exhausted-error";
import { createVirtualClock } from "../time/virtual-clock";
import { parseRetryAfter } from "./parse-retry-after";
import { retryWithBackoff } from "./retry";
import type { RetryOptions } from "./retry-options";

// Issue 14, point 3: a wait the provider asked for is never shortened.

const asking = (retryAfterMs: number, failures = 1) => {
  let calls = 0;
  const fn = () =>
    ++calls <= failures
      ? Promise.reject(new ProviderError("HTTP 429", { retryAfterMs }))
      : Promise.resolve(`ok after ${calls}`);
  return { fn, calls: () => calls };
};

const setup = (options: RetryOptions = {}) => {
  const clock = createVirtualClock(0);
  const delays: number[] = [];
  const onRetry = (e: { delayMs: number }) => delays.push(e.delayMs);
  const retry = retryWithBackoff({ clock, jitter: "none", baseDelayMs: 100, onRetry, ...options });
  return { clock, retry, delays };
};

const settle = (p: Promise<unknown>) =>
  p.then(
    (value) => ({ value }),
    (error: unknown) => ({ error }),
  );

describe("retryWithBackoff and a provider's Retry-After", () => {
  it("waits exactly the asked time when it is longer than the backoff", async () => {
    const { clock, retry, delays } = setup({ maxDelayMs: 5_000 });
    const { fn, calls } = asking(3_000);
    const result = retry.execute(fn);
    await clock.advance(2_999);
    expect(calls()).toBe(1);
    await clock.advance(1);
    await expect(result).resolves.toBe("ok after 2");
    expect(delays).toEqual([3_000]);
  });

  it("gives up at once, without shortening the wait, when it exceeds maxDelayMs", async () => {
    const { clock, retry, delays } = setup({ maxDelayMs: 60_000 });
    const { fn, calls } = asking(120_000);
    const outcome = await settle(retry.execute(fn));
    expect(clock.now()).toBe(0);
    expect(calls()).toBe(1);
    expect(delays).toEqual([]);
    const error = (outcome as { error: unknown }).error;
    expect(isRetryExhaustedError(error) && error.reason).toBe("retry-after");
    expect(String((error as Error).message)).toContain("the provider asked to wait 120000 ms");
    expect((error as { hint: string }).hint).toContain("asked for 120000 ms");
    expect((error as { cause: unknown }).cause).toBeInstanceOf(ProviderError);
  });

  it("waits longer than maxDelayMs when maxRetryAfterMs allows it", async () => {
    const { clock, retry, delays } = setup({ maxDelayMs: 60_000, maxRetryAfterMs: 180_000 });
    const result = retry.execute(asking(120_000).fn);
    await clock.advance(120_000);
    await expect(result).resolves.toBe("ok after 2");
    expect(delays).toEqual([120_000]);
  });

  it("gives up when the asked wait would run past the deadline", async () => {
    const { retry } = setup({ deadlineMs: 10_000 });
    const outcome = await settle(retry.execute(asking(30_000).fn));
    const error = (outcome as { error: unknown }).error;
    expect(isRetryExhaustedError(error) && error.reason).toBe("retry-after");
    expect((error as Error).message).toContain("deadlineMs");
  });

  it("keeps the backoff when it is longer than the asked wait", async () => {
    const { clock, retry, delays } = setup({ baseDelayMs: 2_000 });
    const result = retry.execute(asking(500).fn);
    await clock.advance(2_000);
    await result;
    expect(delays).toEqual([2_000]);
  });
});

describe("parseRetryAfter", () => {
  const now = Date.parse("2026-10-21T07:28:00Z");

  it.each([
    ["120", 120_000],
    [" 0 ", 0],
    ["Wed, 21 Oct 2026 07:28:30 GMT", 30_000],
    ["Wednesday, 21-Oct-26 07:29:00 GMT", 60_000],
    ["Wed Oct 21 07:28:05 2026", 5_000],
    ["Wed, 21 Oct 2026 07:00:00 GMT", 0],
  ])("reads %j as %i ms", (value, ms) => {
    expect(parseRetryAfter(value, now)).toBe(ms);
  });

  it.each(["", "soon", "-5", "1.5", "2026-10-21T07:29:00Z", null, undefined])(
    "returns undefined for %j",
    (value) => {
      expect(parseRetryAfter(value, now)).toBeUndefined();
    },
  );

  it("defaults nowMs to the wall clock", () => {
    const inAMinute = new Date(Date.now() + 60_000).toUTCString();
    const ms = parseRetryAfter(inAMinute) ?? -1;
    expect(ms).toBeGreaterThan(50_000);
    expect(ms).toBeLessThanOrEqual(60_000);
  });
});
