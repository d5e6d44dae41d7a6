import { ProviderError } from "@peak/errors";
import { describe, expect, it } from "vitest";
import { circuitBreaker } from "../breaker/circuit-breaker";
import { isCircuitOpenError } from "../errors/circuit-open-error";
import { withCircuitBreaker, withPolicy, withRetry } from "./decorators";
import { timeout } from "../timeout/timeout";
import { createVirtualClock } from "../time/virtual-clock";

type Self = { calls: number };
const context = <T extends (this: Self, ...args: any) => any>(name: string) =>
  ({ kind: "method", name }) as ClassMethodDecoratorContext<Self, T>;

describe("decorators applied by hand", () => {
  it("withCircuitBreaker creates one breaker per instance named Class.method", async () => {
    const clock = createVirtualClock();
    const method = async function (this: Self, fail: boolean): Promise<string> {
      this.calls += 1;
      if (fail) throw new ProviderError("down");
      return "ok";
    };
    const guarded = withCircuitBreaker({ failureThreshold: 1, clock })(method, context("read"));
    class Feed {
      calls = 0;
    }
    const a = new Feed();
    const b = new Feed();
    await guarded.call(a, true).catch(() => undefined);
    const rejected = await guarded.call(a, false).catch((e: unknown) => e);
    expect(isCircuitOpenError(rejected) && rejected.breakerName).toBe("Feed.read");
    await expect(guarded.call(b, false)).resolves.toBe("ok");
    expect(a.calls).toBe(1);
  });

  it("withCircuitBreaker shares a breaker passed explicitly", async () => {
    const shared = circuitBreaker({ failureThreshold: 1, clock: createVirtualClock() });
    const method = async function (this: Self): Promise<never> {
      throw new ProviderError("down");
    };
    const guarded = withCircuitBreaker(shared)(method, context("boom"));
    await guarded.call({ calls: 0 }).catch(() => undefined);
    expect(shared.state).toBe("open");
  });

  it("withRetry retries the method", async () => {
    const method = async function (this: Self): Promise<number> {
      this.calls += 1;
      if (this.calls < 2) throw new ProviderError("flaky");
      return this.calls;
    };
    const retried = withRetry({ baseDelayMs: 0, clock: createVirtualClock() })(
      method,
      context("get"),
    );
    await expect(retried.call({ calls: 0 })).resolves.toBe(2);
  });

  it("withPolicy runs the method under any policy", async () => {
    const method = async function (this: Self, n: number): Promise<number> {
      return this.calls + n;
    };
    const bounded = withPolicy(timeout(10, { clock: createVirtualClock() }))(
      method,
      context("add"),
    );
    await expect(bounded.call({ calls: 1 }, 2)).resolves.toBe(3);
  });
});
