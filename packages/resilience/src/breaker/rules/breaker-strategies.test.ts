import { ProviderError } from "@peak/errors";
import { describe, expect, it } from "vitest";
import { circuitBreaker } from "../circuit-breaker";
import { createVirtualClock } from "../../time/virtual-clock";

const fail = () => Promise.reject(new ProviderError("down"));
const pass = () => "ok";

const feed = async (breaker: ReturnType<typeof circuitBreaker>, pattern: string) => {
  for (const c of pattern) await breaker.execute(c === "F" ? fail : pass).catch(() => undefined);
};

describe("count-window strategy", () => {
  const make = (minimumCalls?: number) =>
    circuitBreaker({
      clock: createVirtualClock(),
      strategy: {
        kind: "count",
        windowSize: 4,
        failureRate: 0.5,
        ...(minimumCalls ? { minimumCalls } : {}),
      },
    });

  it("opens when the failure rate of the last windowSize calls reaches the threshold", async () => {
    const breaker = make();
    await feed(breaker, "SSSF");
    expect(breaker.state).toBe("closed");
    await feed(breaker, "F");
    expect(breaker.state).toBe("open");
  });

  it("waits for minimumCalls before judging (defaulting to windowSize)", async () => {
    const breaker = make();
    await feed(breaker, "FFF");
    expect(breaker.state).toBe("closed");
    const eager = make(2);
    await feed(eager, "FF");
    expect(eager.state).toBe("open");
  });

  it("forgets calls that slid out of the window", async () => {
    const breaker = make();
    await feed(breaker, "FSSSS");
    expect(breaker.stats.window).toEqual({ calls: 4, failures: 0 });
    await feed(breaker, "F");
    expect(breaker.state).toBe("closed");
  });
});

describe("time-window strategy", () => {
  const make = () => {
    const clock = createVirtualClock(0);
    const breaker = circuitBreaker({
      clock,
      strategy: { kind: "time", windowMs: 10_000, failureRate: 0.5, minimumCalls: 4 },
    });
    return { clock, breaker };
  };

  it("opens when the failure rate in the window reaches the threshold with minimumCalls", async () => {
    const { breaker } = make();
    await feed(breaker, "SFF");
    expect(breaker.state).toBe("closed");
    await feed(breaker, "F");
    expect(breaker.state).toBe("open");
  });

  it("drops calls older than the window", async () => {
    const { clock, breaker } = make();
    await feed(breaker, "FFF");
    await clock.advance(11_000);
    await feed(breaker, "SSF");
    expect(breaker.stats.window).toEqual({ calls: 3, failures: 1 });
    expect(breaker.state).toBe("closed");
  });

  it("throws a ConfigError when a required setting is missing", () => {
    const bad = { kind: "time", windowMs: 1_000, failureRate: 0.5 } as never;
    expect(() => circuitBreaker({ strategy: bad })).toThrow(/strategy.minimumCalls/);
    expect(() =>
      circuitBreaker({ strategy: { kind: "count", windowSize: 3, failureRate: 2 } }),
    ).toThrow(/failureRate/);
    expect(() => circuitBreaker({ strategy: { kind: "nope" } as never })).toThrow(/strategy.kind/);
  });
});

describe("consecutive strategy", () => {
  it("uses the strategy threshold over failureThreshold", async () => {
    const breaker = circuitBreaker({
      failureThreshold: 10,
      strategy: { kind: "consecutive", threshold: 2 },
      clock: createVirtualClock(),
    });
    await feed(breaker, "FF");
    expect(breaker.state).toBe("open");
  });
});
