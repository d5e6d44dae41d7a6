import { ProviderError } from "@peak/errors";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { circuitBreaker } from "../breaker/circuit-breaker";
import { HealthCheck } from "../health/health-check";
import { retryWithBackoff } from "../retry/retry";
import { timeout } from "../timeout/timeout";
import { createVirtualClock } from "../time/virtual-clock";
import { wrap } from "./wrap";

const unhandled: unknown[] = [];
const record = (reason: unknown) => unhandled.push(reason);

// Rejects after `ms` on the clock, ignoring any signal: the worst-behaved call.
const lateFailure = (clock: ReturnType<typeof createVirtualClock>, ms: number) => () =>
  new Promise<never>((_, reject) => clock.setTimeout(() => reject(new ProviderError("late")), ms));

describe("no unhandled rejections", () => {
  beforeEach(() => {
    unhandled.length = 0;
    process.on("unhandledRejection", record);
  });

  afterEach(() => {
    process.off("unhandledRejection", record);
  });

  it("leaves none behind in timeouts, aborted retries, hung probes and health checks", async () => {
    const clock = createVirtualClock();
    const pending: Promise<unknown>[] = [];
    const swallow = (p: Promise<unknown>) => pending.push(p.catch(() => undefined));

    swallow(timeout(10, { clock }).execute(lateFailure(clock, 50)));

    const controller = new AbortController();
    const retry = retryWithBackoff({ clock, baseDelayMs: 1_000, maxAttempts: 5 });
    swallow(retry.execute(() => Promise.reject(new ProviderError("x")), controller.signal));

    const breaker = circuitBreaker({
      clock,
      failureThreshold: 1,
      recoveryTimeoutMs: 5,
      maxHalfOpenMs: 5,
    });
    await breaker
      .execute(() => Promise.reject(new ProviderError("open it")))
      .catch(() => undefined);
    pending.push(breaker.tryExecute(() => "rejected while open"));
    await clock.advance(5);
    swallow(breaker.execute(lateFailure(clock, 100)));

    swallow(wrap(retry, breaker, timeout(5, { clock })).execute(lateFailure(clock, 30)));
    swallow(retryWithBackoff({ clock, deadlineMs: 20 }).execute(lateFailure(clock, 60)));

    const health = new HealthCheck({ clock });
    health.register("late", lateFailure(clock, 40), { timeoutMs: 10 });
    health.register("throws", () => Promise.reject(new Error("check")), { cacheMs: 5 });
    pending.push(health.run());

    await clock.advance(10);
    controller.abort();
    await clock.runAll();
    await Promise.all(pending);
    await clock.flush();
    await clock.flush();
    expect(unhandled).toEqual([]);
  });
});
