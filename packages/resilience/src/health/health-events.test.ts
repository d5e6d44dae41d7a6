import { describe, expect, it } from "vitest";
import { HealthCheck } from "./health-check";
import type { HealthCheckResult } from "./health-types";
import { createVirtualClock } from "../time/virtual-clock";

describe("HealthCheck.onResult", () => {
  it("reports fresh results but not cached answers", async () => {
    const clock = createVirtualClock(0);
    const health = new HealthCheck({ clock });
    const seen: Pick<HealthCheckResult, "name" | "status">[] = [];
    const off = health.onResult(({ name, status }) => seen.push({ name, status }));
    health.register("db", () => false, { cacheMs: 1_000 });
    await health.run();
    await health.run();
    expect(seen).toEqual([{ name: "db", status: "fail" }]);
    off();
    await clock.advance(2_000);
    await health.run();
    expect(seen).toHaveLength(1);
  });
});
