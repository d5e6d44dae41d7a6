import { fc, test } from "@fast-check/vitest";
import { describe, expect } from "vitest";
import { createVirtualClock } from "../time/virtual-clock";
import { rateLimiter } from "./rate-limiter";

// Random budgets and random traffic: arrival gaps (many at the same instant), weights up to the
// capacity, waiting or not, two keys, and some waiters aborted after a random delay.
const scenario = fc
  .record({
    limit: fc.integer({ min: 1, max: 8 }),
    burst: fc.integer({ min: 0, max: 4 }),
    intervalMs: fc.integer({ min: 1, max: 120 }),
    maxWaitMs: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 400 })),
  })
  .chain((budget) =>
    fc.record({
      budget: fc.constant(budget),
      arrivals: fc.array(
        fc.record({
          gap: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 150 })),
          weight: fc.integer({ min: 1, max: budget.limit + budget.burst }),
          key: fc.constantFrom("a", "b"),
          abortAfter: fc.option(fc.integer({ min: 0, max: 200 }), { freq: 4 }),
        }),
        { minLength: 1, maxLength: 60 },
      ),
    }),
  );

interface Admission {
  readonly id: number;
  readonly key: string;
  readonly at: number;
  readonly weight: number;
}

/** The heaviest window of `intervalMs` over the admissions of one key (windows start at an admission). */
const heaviestWindow = (admissions: Admission[], intervalMs: number): number => {
  let worst = 0;
  for (const start of admissions) {
    let sum = 0;
    for (const a of admissions)
      if (a.at >= start.at && a.at < start.at + intervalMs) sum += a.weight;
    worst = Math.max(worst, sum);
  }
  return worst;
};

describe("rateLimiter (property)", () => {
  test.prop([scenario], { numRuns: 150 })(
    "never admits more than limit + burst weight in any window, and serves each key in arrival order",
    async ({ budget, arrivals }) => {
      const clock = createVirtualClock(1_000);
      const limiter = rateLimiter({ ...budget, clock });
      const admissions: Admission[] = [];
      const settled: Promise<unknown>[] = [];
      for (const [id, arrival] of arrivals.entries()) {
        await clock.advance(arrival.gap);
        const controller = new AbortController();
        if (arrival.abortAfter !== null) {
          clock.setTimeout(() => controller.abort(), arrival.abortAfter);
        }
        const call = limiter.execute(
          () => admissions.push({ id, key: arrival.key, at: clock.now(), weight: arrival.weight }),
          { weight: arrival.weight, key: arrival.key, signal: controller.signal },
        );
        settled.push(call.catch(() => undefined));
      }
      await clock.runAll();
      await Promise.all(settled);
      const capacity = budget.limit + budget.burst;
      for (const key of ["a", "b"]) {
        const mine = admissions.filter((a) => a.key === key);
        expect(heaviestWindow(mine, budget.intervalMs)).toBeLessThanOrEqual(capacity);
        const ids = mine.map((a) => a.id);
        expect(ids).toEqual([...ids].sort((x, y) => x - y));
      }
      expect(limiter.stats.queued).toBe(0);
      expect(clock.pendingTimers).toBe(0);
    },
  );

  test.prop([scenario], { numRuns: 100 })(
    "admits every call that fits once nobody waits (it never refuses spare room)",
    async ({ budget, arrivals }) => {
      const clock = createVirtualClock(0);
      const limiter = rateLimiter({ ...budget, maxWaitMs: 0, clock });
      const admitted: Admission[] = [];
      for (const [id, arrival] of arrivals.entries()) {
        await clock.advance(arrival.gap);
        const now = clock.now();
        const used = admitted
          .filter((a) => a.key === arrival.key && a.at + budget.intervalMs > now)
          .reduce((sum, a) => sum + a.weight, 0);
        const fits = used + arrival.weight <= budget.limit + budget.burst;
        const result = limiter.tryAcquire({ weight: arrival.weight, key: arrival.key });
        expect(result.ok).toBe(fits);
        if (result.ok) admitted.push({ id, key: arrival.key, at: now, weight: arrival.weight });
      }
    },
  );
});
