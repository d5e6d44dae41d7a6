import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startWorker, type WorkerReport } from "./__fixtures__/fleet";
import { heaviestWindow } from "./__fixtures__/windows";
import { startRedisServer, type RedisServerProcess } from "../test-support/redis-server";

let server: RedisServerProcess;
beforeAll(async () => {
  server = await startRedisServer();
});
afterAll(async () => {
  await server.kill();
});

const LIMIT = 60;
const INTERVAL_MS = 1_000;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Admissions at the time the store counted them (Redis time; local time in insurance). */
const counted = (reports: WorkerReport[], mode?: string) =>
  reports.flatMap((r) =>
    r.admitted
      .filter((a) => mode === undefined || a.mode === mode)
      .map((a) => ({ t: a.at, w: a.w })),
  );

const runFleet = async (
  durationMs: number,
  during?: () => Promise<void>,
  extra: Record<string, string> = {},
): Promise<WorkerReport[]> => {
  const prefix = `fleet-${randomUUID()}`;
  const workers = [1, 2, 3, 4].map((seed) =>
    startWorker({
      REDIS_URL: server.url,
      PREFIX: prefix,
      SEED: String(seed),
      LIMIT: String(LIMIT),
      INTERVAL_MS: String(INTERVAL_MS),
      DURATION_MS: String(durationMs),
      FLEET: "4",
      ...extra,
    }),
  );
  await Promise.all(workers.map((w) => w.ready));
  await during?.();
  return Promise.all(workers.map((w) => w.done));
};

describe("one budget shared by four worker processes", () => {
  it("never admits more than the limit in any window across the union of their logs", async () => {
    const reports = await runFleet(3_000);
    const all = counted(reports);
    expect(heaviestWindow(all, INTERVAL_MS)).toBeLessThanOrEqual(LIMIT);
    // Each process bursts far past its share: the check is not vacuous.
    expect(all.reduce((sum, a) => sum + a.w, 0)).toBeGreaterThan(LIMIT * 2);
    expect(reports.every((r) => r.modes.join() === "redis")).toBe(true);
  }, 30_000);

  it("with local leases too, never admits more than the limit in any window", async () => {
    const LEASE = 6;
    const reports = await runFleet(3_000, undefined, { LEASE_SIZE: String(LEASE) });
    const all = counted(reports);
    expect(heaviestWindow(all, INTERVAL_MS)).toBeLessThanOrEqual(LIMIT);
    // Leases were really spent, and through Redis the fleet still burst past its budget.
    expect(counted(reports, "lease").length).toBeGreaterThan(0);
    expect(all.reduce((sum, a) => sum + a.w, 0)).toBeGreaterThan(LIMIT * 2);
  }, 30_000);

  it("stays within the budget while Redis is killed and restarted, never waits on it, and rejoins", async () => {
    let restartedAt = Infinity;
    const reports = await runFleet(8_000, async () => {
      await sleep(1_500);
      await server.kill();
      await sleep(2_500);
      await server.restart();
      restartedAt = Date.now();
    });
    expect(heaviestWindow(counted(reports), INTERVAL_MS)).toBeLessThanOrEqual(LIMIT);
    const insured = counted(reports, "insurance");
    expect(insured.length).toBeGreaterThan(0);
    expect(heaviestWindow(insured, INTERVAL_MS)).toBeLessThanOrEqual(LIMIT);
    for (const report of reports) {
      // commandTimeoutMs is 200: a take never hangs on the dead Redis.
      expect(report.slowestTakeMs).toBeLessThan(1_000);
      expect(report.modes).toContain("insurance");
      // Back on the shared state: Redis alone, or Redis and the share for one window after the restart.
      expect(["rejoining", "redis"]).toContain(report.finalMode);
      expect(report.admitted.some((a) => a.mode !== "insurance" && a.at > restartedAt)).toBe(true);
    }
  }, 40_000);
});
