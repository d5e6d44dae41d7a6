import { ProviderError } from "@peak/errors";
import { describe, expect, it } from "vitest";
import { circuitBreaker } from "../breaker/circuit-breaker";
import { isCircuitOpenError } from "../errors/circuit-open-error";
import { retryWithBackoff } from "../retry/retry";
import { timeout } from "../timeout/timeout";
import { createVirtualClock } from "../time/virtual-clock";
import { wrap } from "./wrap";

describe("wrap", () => {
  it("runs policies outermost first and merges their contexts", async () => {
    const clock = createVirtualClock();
    const policy = wrap(
      retryWithBackoff({ clock, baseDelayMs: 0 }),
      circuitBreaker({ clock }),
      timeout(50, { clock }),
    );
    const seen: number[] = [];
    const result = await policy.execute(({ attempt, signal }) => {
      seen.push(attempt);
      expect(signal.aborted).toBe(false);
      return attempt < 2 ? Promise.reject(new ProviderError("flaky")) : `done@${attempt}`;
    });
    expect(result).toBe("done@2");
    expect(seen).toEqual([1, 2]);
  });

  it("passes one signal chain from the caller to the function", async () => {
    const clock = createVirtualClock();
    const controller = new AbortController();
    const policy = wrap(circuitBreaker({ clock }), timeout(1_000, { clock }));
    let inner: AbortSignal | undefined;
    const call = policy
      .execute(({ signal }) => {
        inner = signal;
        return new Promise((_, reject) =>
          signal.addEventListener("abort", () => reject(signal.reason as Error)),
        );
      }, controller.signal)
      .catch((e: unknown) => e);
    controller.abort(new Error("stop"));
    expect(await call).toMatchObject({ message: "stop" });
    expect(inner?.aborted).toBe(true);
  });

  it("counts timeouts as breaker failures when the timeout is inside the breaker", async () => {
    const clock = createVirtualClock();
    const breaker = circuitBreaker({ clock, failureThreshold: 1 });
    const policy = wrap(breaker, timeout(10, { clock, mode: "aggressive" }));
    const call = policy.execute(() => new Promise(() => undefined)).catch((e: unknown) => e);
    await clock.advance(10);
    expect(await call).toMatchObject({ code: "TIMEOUT" });
    expect(breaker.state).toBe("open");
    const rejected = await policy.execute(() => "x").catch((e: unknown) => e);
    expect(isCircuitOpenError(rejected)).toBe(true);
  });

  it("stops retrying at once when the breaker inside it is open", async () => {
    const clock = createVirtualClock();
    const breaker = circuitBreaker({ clock, failureThreshold: 1 });
    const policy = wrap(retryWithBackoff({ clock, baseDelayMs: 0, maxAttempts: 5 }), breaker);
    let calls = 0;
    const error = await policy
      .execute(() => (calls++, Promise.reject(new ProviderError("down"))))
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ reason: "not-retryable", attempts: 2 });
    expect(calls).toBe(1);
  });

  it("with no policies just calls the function", async () => {
    await expect(wrap().execute(({ signal }) => signal.aborted)).resolves.toBe(false);
    await expect(wrap().wrap((a: string) => a.toUpperCase())("x")).resolves.toBe("X");
  });
});
