import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { runChild } from "../shared/__fixtures__/run-child";

const source = JSON.stringify(fileURLToPath(new URL("./rate-limiter.ts", import.meta.url)));
const clockSource = JSON.stringify(fileURLToPath(new URL("../time/clock.ts", import.meta.url)));

// Child processes start slowly on a loaded machine: one minute per test.
describe("rateLimiter on real timers (child process)", { timeout: 60_000 }, () => {
  it("spreads queued calls over real windows and lets the process exit when done", async () => {
    const script = `
      const { rateLimiter } = await import(${source});
      const { systemClock } = await import(${clockSource});
      // The real clock, remembering its last reading: the time the limiter admitted a call at.
      let last = 0;
      const clock = { now: () => (last = systemClock.now()), setTimeout: systemClock.setTimeout };
      const limiter = rateLimiter({ limit: 3, intervalMs: 100, maxWaitMs: 2_000, clock });
      const times = [];
      limiter.onEvent((event) => event.type === "acquired" && times.push(last));
      const controller = new AbortController();
      const calls = Array.from({ length: 9 }, (_, i) =>
        limiter.execute(() => i, i === 4 ? { signal: controller.signal } : {}),
      );
      controller.abort();
      const results = await Promise.allSettled(calls);
      console.log(JSON.stringify({ times, rejected: results.filter((r) => r.status === "rejected").length }));
    `;
    const { code, stdout } = await runChild(script);
    expect(code).toBe(0);
    const { times, rejected } = JSON.parse(stdout) as { times: number[]; rejected: number };
    expect(rejected).toBe(1);
    expect(times).toHaveLength(8);
    expect((times.at(-1) ?? 0) - (times[0] ?? 0)).toBeGreaterThanOrEqual(200);
    for (const start of times) {
      expect(times.filter((t) => t >= start && t < start + 100).length).toBeLessThanOrEqual(3);
    }
  });

  it("leaves no timer behind once a waiter is aborted (child process)", async () => {
    const script = `
      const { rateLimiter } = await import(${source});
      const limiter = rateLimiter({ limit: 1, intervalMs: 60_000, maxWaitMs: 120_000 });
      await limiter.acquire();
      const controller = new AbortController();
      const waiting = limiter.acquire(1, { signal: controller.signal }).catch(() => "aborted");
      setTimeout(() => controller.abort(), 10);
      console.log(await waiting);
    `;
    const { code, stdout } = await runChild(script);
    expect(stdout.trim()).toBe("aborted");
    expect(code).toBe(0);
  });

  it("wakes waiters on the real clock by polling, never before their window, then exits", async () => {
    const script = `
      const { rateLimiter } = await import(${source});
      const { systemClock } = await import(${clockSource});
      // The default clock (so wakes poll); each admission is checked against the limiter's
      // own reading of the clock, taken before the event.
      const limiter = rateLimiter({ limit: 5, intervalMs: 30, maxWaitMs: 5_000 });
      const start = systemClock.now();
      const calls = Array.from({ length: 40 }, () => limiter.acquire().then(() => systemClock.now()));
      const done = await Promise.all(calls);
      const early = done.filter((t, i) => t < start + Math.floor(i / 5) * 30).length;
      console.log(JSON.stringify({ early, acquired: limiter.stats.acquired, queued: limiter.stats.queued }));
    `;
    const { code, stdout } = await runChild(script);
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toEqual({ early: 0, acquired: 40, queued: 0 });
  });

  it("lets the process exit while a call waits on unrefClock (child process)", async () => {
    const script = `
      const { rateLimiter } = await import(${source});
      const { unrefClock } = await import(${clockSource});
      const limiter = rateLimiter({ limit: 1, intervalMs: 1.5, maxWaitMs: 60_000, clock: unrefClock });
      limiter.tryAcquire();
      void limiter.acquire().then(() => console.log("admitted"));
      const waiting = rateLimiter({ limit: 1, intervalMs: 60_000, maxWaitMs: 120_000, clock: unrefClock });
      waiting.tryAcquire();
      void waiting.acquire().then(() => console.log("never"));
    `;
    const { code, stdout } = await runChild(script);
    expect(code).toBe(0);
    expect(stdout).not.toContain("never");
  });
});
