import { ConfigError, ProviderError } from "@peak/errors";
import { afterEach, describe, expect, it } from "vitest";
import { circuitBreaker } from "../breaker/circuit-breaker";
import { healthCheck } from "./global-health";
import { HealthCheck } from "./health-check";
import { healthHttpStatus } from "./health-json";
import { createVirtualClock } from "../time/virtual-clock";

const setup = () => {
  const clock = createVirtualClock(Date.UTC(2026, 0, 1));
  return { clock, health: new HealthCheck({ clock }) };
};

describe("HealthCheck", () => {
  it("passes when empty", async () => {
    const { health } = setup();
    expect(await health.run()).toMatchObject({
      status: "pass",
      healthy: true,
      summary: { total: 0 },
    });
  });

  it("interprets booleans, objects, aliases and thrown errors", async () => {
    const { health } = setup();
    health.register("void", () => undefined);
    health.register("true", () => true);
    health.register("false", () => false, { critical: false });
    health.register("object", () => ({ status: "warn", message: "slow", details: { ms: 900 } }));
    health.register("alias", async () => ({ status: "down" as const }), { critical: false });
    health.register(
      "throws",
      () => {
        throw new Error("no route");
      },
      { critical: false },
    );
    const report = await health.run();
    expect(
      Object.fromEntries(Object.entries(report.checks).map(([k, v]) => [k, v.status])),
    ).toEqual({
      void: "pass",
      true: "pass",
      false: "fail",
      object: "warn",
      alias: "fail",
      throws: "fail",
    });
    expect(report.checks.object).toMatchObject({
      message: "slow",
      details: { ms: 900 },
      critical: true,
    });
    expect(report.checks.throws?.message).toMatch(/exception: no route/);
    expect(report.summary).toEqual({ total: 6, passed: 2, warned: 1, failed: 3 });
  });

  it("warns when only non-critical checks fail and fails on a critical failure", async () => {
    const { health } = setup();
    health.register("cache", () => false, { critical: false });
    expect((await health.run()).status).toBe("warn");
    expect(await health.isSystemHealthy()).toBe(true);
    health.register("db", () => false);
    expect((await health.run()).status).toBe("fail");
    expect(await health.isSystemHealthy()).toBe(false);
  });

  it("runs checks concurrently, each bounded by its timeout", async () => {
    const { health, clock } = setup();
    let aborted = false;
    health.register(
      "hangs",
      ({ signal }) => new Promise(() => signal.addEventListener("abort", () => (aborted = true))),
      { timeoutMs: 300 },
    );
    health.register(
      "slow",
      () => new Promise((resolve) => clock.setTimeout(() => resolve(true), 200)),
      { timeoutMs: 1_000 },
    );
    const report = health.run();
    await clock.advance(300);
    const result = await report;
    expect(result.checks.hangs).toMatchObject({
      status: "fail",
      message: "Check timed out after 300 ms",
      durationMs: 300,
    });
    expect(result.checks.slow).toMatchObject({ status: "pass", durationMs: 200 });
    expect(aborted).toBe(true);
  });

  it("answers from the cache and refreshes a stale result in the background", async () => {
    const { health, clock } = setup();
    let runs = 0;
    health.register("counted", () => ({ message: `run ${++runs}` }), { cacheMs: 1_000 });
    expect((await health.run()).checks.counted).toMatchObject({ message: "run 1", cached: false });
    await clock.advance(500);
    expect((await health.run()).checks.counted).toMatchObject({ message: "run 1", cached: true });
    await clock.advance(500);
    expect((await health.run()).checks.counted).toMatchObject({ message: "run 1", cached: true });
    await clock.flush();
    expect(runs).toBe(2);
    expect((await health.run()).checks.counted?.message).toBe("run 2");
  });

  it("shares one run between concurrent callers", async () => {
    const { health, clock } = setup();
    let runs = 0;
    health.register(
      "once",
      () => new Promise((resolve) => clock.setTimeout(() => resolve(++runs > 0), 10)),
    );
    const both = Promise.all([health.run(), health.run()]);
    await clock.advance(10);
    await both;
    expect(runs).toBe(1);
  });

  it("produces an application/health+json document", async () => {
    const { health } = setup();
    health.register("db", () => true);
    health.register(
      "queue",
      () => ({ status: "fail", message: "lagging", details: { depth: 9 } }),
      { critical: false },
    );
    const json = await health.toHealthJson({ serviceId: "peak" });
    expect(json).toEqual({
      status: "warn",
      serviceId: "peak",
      checks: {
        db: [
          {
            componentId: "db",
            componentType: "component",
            status: "pass",
            time: "2026-01-01T00:00:00.000Z",
            observedValue: 0,
            observedUnit: "ms",
          },
        ],
        queue: [
          {
            componentId: "queue",
            componentType: "component",
            status: "fail",
            time: "2026-01-01T00:00:00.000Z",
            observedValue: 0,
            observedUnit: "ms",
            output: "lagging",
            details: { depth: 9 },
          },
        ],
      },
    });
    expect(healthHttpStatus(json.status)).toBe(200);
    expect(healthHttpStatus("fail")).toBe(503);
  });

  it("registers a breaker as a check that follows its state", async () => {
    const { health, clock } = setup();
    const breaker = circuitBreaker({
      name: "kraken",
      failureThreshold: 1,
      recoveryTimeoutMs: 100,
      clock,
    });
    health.registerBreaker(breaker);
    expect((await health.run()).checks.circuit_breaker_kraken?.status).toBe("pass");
    await breaker.execute(() => Promise.reject(new ProviderError("down"))).catch(() => undefined);
    const open = (await health.run()).checks.circuit_breaker_kraken;
    expect(open).toMatchObject({ status: "fail", message: "Circuit breaker 'kraken' state: open" });
    await clock.advance(100);
    expect((await health.run()).checks.circuit_breaker_kraken?.status).toBe("warn");
  });

  it("replaces, lists and removes checks", async () => {
    const { health } = setup();
    health.register("a", () => false);
    health.register("a", () => true);
    health.register("b", () => true);
    expect(health.names()).toEqual(["a", "b"]);
    expect((await health.run()).checks.a?.status).toBe("pass");
    expect(health.unregister("a")).toBe(true);
    expect(health.unregister("a")).toBe(false);
    expect(() => health.register("c", () => true, { timeoutMs: -5 })).toThrow(ConfigError);
  });
});

describe("healthCheck (global)", () => {
  afterEach(() => healthCheck.clear());

  it("is one shared registry", async () => {
    healthCheck.register("global-test", () => true);
    expect(healthCheck.names()).toContain("global-test");
    expect(await healthCheck.isSystemHealthy()).toBe(true);
    expect((await healthCheck.toHealthJson()).checks["global-test"]).toHaveLength(1);
  });
});
