import { ConfigError, ProviderError } from "@peak/errors";
import { describe, expect, it } from "vitest";
import { circuitBreaker } from "./circuit-breaker";
import { CircuitOpenError } from "../errors/circuit-open-error";
import type { StateChangeEvent } from "./circuit-state";
import { createVirtualClock } from "../time/virtual-clock";

const boom = (): Promise<never> => Promise.reject(new ProviderError("down"));
const ok = (): Promise<string> => Promise.resolve("ok");

const setup = (options: Parameters<typeof circuitBreaker>[0] = {}) => {
  const clock = createVirtualClock(1_000);
  const breaker = circuitBreaker({ name: "test", clock, ...options });
  const changes: StateChangeEvent[] = [];
  breaker.onStateChange((e) => changes.push(e));
  const fail = async (n = 1) => {
    for (let i = 0; i < n; i += 1) await breaker.execute(boom).catch(() => undefined);
  };
  return { clock, breaker, changes, fail };
};

describe("circuitBreaker", () => {
  it("starts closed and passes results through", async () => {
    const { breaker } = setup();
    expect(breaker.state).toBe("closed");
    await expect(breaker.execute(ok)).resolves.toBe("ok");
    expect(breaker.stats.successes).toBe(1);
  });

  it("opens after five consecutive failures by default", async () => {
    const { breaker, fail, changes } = setup();
    await fail(4);
    expect(breaker.state).toBe("closed");
    await fail(1);
    expect(breaker.state).toBe("open");
    expect(changes).toEqual([
      { breaker: "test", from: "closed", to: "open", reason: "failures", at: 1_000 },
    ]);
  });

  it("resets the consecutive count on success", async () => {
    const { breaker, fail } = setup({ failureThreshold: 3 });
    await fail(2);
    await breaker.execute(ok);
    await fail(2);
    expect(breaker.state).toBe("closed");
  });

  it("rejects calls while open without running them", async () => {
    const { breaker, fail } = setup({ failureThreshold: 1, recoveryTimeoutMs: 30_000 });
    await fail();
    let ran = false;
    const error = await breaker.execute(() => (ran = true)).catch((e: unknown) => e);
    expect(ran).toBe(false);
    expect(error).toBeInstanceOf(CircuitOpenError);
    const open = error as CircuitOpenError;
    expect(open.code).toBe("CIRCUIT_OPEN");
    expect(open.retryable).toBe(false);
    expect(open.retryAfterMs).toBe(30_000);
    expect(open.context).toEqual({ breaker: "test", state: "open", nextAttemptAt: 31_000 });
    expect(breaker.stats.rejections).toBe(1);
  });

  it("gives every call rejected in one open period the same error, with a live retryAfterMs", async () => {
    const { breaker, fail, clock } = setup({ failureThreshold: 1, recoveryTimeoutMs: 1_000 });
    await fail();
    const first = await breaker.tryExecute(ok);
    await clock.advance(400);
    const second = await breaker.tryExecute(ok);
    expect(!first.ok && !second.ok && first.error === second.error).toBe(true);
    expect((second as { error: CircuitOpenError }).error.retryAfterMs).toBe(600);
    await clock.advance(600);
    await fail();
    const third = await breaker.tryExecute(ok);
    expect(!third.ok && third.error !== (first as { error: unknown }).error).toBe(true);
  });

  it("turns half-open after the recovery timeout and closes on a successful probe", async () => {
    const { breaker, fail, clock, changes } = setup({
      failureThreshold: 1,
      recoveryTimeoutMs: 500,
    });
    await fail();
    await clock.advance(499);
    expect(breaker.state).toBe("open");
    await clock.advance(1);
    expect(breaker.state).toBe("half-open");
    await expect(breaker.execute(ok)).resolves.toBe("ok");
    expect(breaker.state).toBe("closed");
    expect(changes.map((c) => `${c.to}:${c.reason}`)).toEqual([
      "open:failures",
      "half-open:recovery-timeout",
      "closed:probes-succeeded",
    ]);
  });

  it("re-opens when the probe fails and restarts the recovery timer", async () => {
    const { breaker, fail, clock } = setup({ failureThreshold: 1, recoveryTimeoutMs: 500 });
    await fail();
    await clock.advance(500);
    await fail();
    expect(breaker.state).toBe("open");
    expect(breaker.stats.nextAttemptAt).toBe(2_000);
  });

  it("needs successThreshold successful probes to close", async () => {
    const { breaker, fail, clock } = setup({
      failureThreshold: 1,
      recoveryTimeoutMs: 10,
      successThreshold: 3,
    });
    await fail();
    await clock.advance(10);
    await breaker.execute(ok);
    await breaker.execute(ok);
    expect(breaker.state).toBe("half-open");
    await breaker.execute(ok);
    expect(breaker.state).toBe("closed");
  });

  it("passes ignored errors through without counting them", async () => {
    const { breaker } = setup({ failureThreshold: 1, isFailure: [ProviderError] });
    await expect(breaker.execute(() => Promise.reject(new TypeError("bug")))).rejects.toThrow(
      "bug",
    );
    expect(breaker.state).toBe("closed");
    expect(breaker.stats.ignored).toBe(1);
  });

  it("accepts a predicate as isFailure", async () => {
    const { breaker, fail } = setup({
      failureThreshold: 1,
      isFailure: (e) => e instanceof TypeError,
    });
    await fail();
    expect(breaker.state).toBe("closed");
  });

  it("counts a slow success as a failure", async () => {
    const { breaker, clock } = setup({ failureThreshold: 2, slowCallMs: 100 });
    const slow = () => new Promise((resolve) => clock.setTimeout(() => resolve("late"), 100));
    const first = breaker.execute(slow);
    await clock.advance(100);
    await expect(first).resolves.toBe("late");
    const second = breaker.execute(slow);
    await clock.advance(100);
    await second;
    expect(breaker.state).toBe("open");
    expect(breaker.stats.slowCalls).toBe(2);
  });

  it("does not count a call whose signal was aborted", async () => {
    const { breaker } = setup({ failureThreshold: 1 });
    const controller = new AbortController();
    const call = breaker.execute(
      ({ signal }) =>
        new Promise((_, reject) => {
          signal.addEventListener("abort", () => reject(signal.reason as Error));
        }),
      controller.signal,
    );
    controller.abort(new Error("user left"));
    await expect(call).rejects.toThrow("user left");
    expect(breaker.state).toBe("closed");
    expect(breaker.stats.ignored).toBe(1);
  });

  it("rejects at once with the reason when the caller's signal is already aborted", async () => {
    const { breaker } = setup();
    const controller = new AbortController();
    controller.abort(new Error("gone"));
    await expect(breaker.execute(ok, controller.signal)).rejects.toThrow("gone");
    expect(breaker.stats.successes).toBe(0);
  });

  it("passes a signal to the function", async () => {
    const { breaker } = setup();
    const controller = new AbortController();
    const seen = await breaker.execute(({ signal }) => signal, controller.signal);
    expect(seen).toBe(controller.signal);
    expect((await breaker.execute(({ signal }) => signal)).aborted).toBe(false);
  });

  it("turns a synchronous throw into a rejection", async () => {
    const { breaker } = setup({ failureThreshold: 1 });
    const call = breaker.execute(() => {
      throw new ProviderError("sync");
    });
    await expect(call).rejects.toThrow("sync");
    expect(breaker.state).toBe("open");
  });

  it("throws a ConfigError naming a bad option", () => {
    expect(() => circuitBreaker({ failureThreshold: 0 })).toThrow(ConfigError);
    expect(() => circuitBreaker({ recoveryTimeoutMs: -1 })).toThrow(/recoveryTimeoutMs/);
    expect(() => circuitBreaker({ halfOpenMaxCalls: 1.5 })).toThrow(/halfOpenMaxCalls/);
    expect(() => circuitBreaker({ isFailure: "x" as never })).toThrow(/isFailure/);
  });
});
