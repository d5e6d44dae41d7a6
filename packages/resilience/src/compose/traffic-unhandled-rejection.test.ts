import { ProviderError } from "@peak/errors";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { bulkhead } from "../bulkhead/bulkhead";
import { fallback } from "../fallback/fallback";
import { hedge } from "../hedge/hedge";
import { rateLimiter } from "../rate-limit/rate-limiter";
import { createVirtualClock } from "../time/virtual-clock";
import { wrap } from "./wrap";

const unhandled: unknown[] = [];
const record = (reason: unknown) => unhandled.push(reason);

describe("no unhandled rejections in traffic shaping", () => {
  beforeEach(() => {
    unhandled.length = 0;
    process.on("unhandledRejection", record);
  });

  afterEach(() => {
    process.off("unhandledRejection", record);
  });

  it("leaves none behind in rejected, aborted, shed, hedged and fallen-back calls", async () => {
    const clock = createVirtualClock();
    const pending: Promise<unknown>[] = [];
    const swallow = (p: Promise<unknown>) => pending.push(p.catch(() => undefined));
    const limiter = rateLimiter({ limit: 1, intervalMs: 100, maxWaitMs: 50, clock });
    const controller = new AbortController();
    swallow(limiter.execute(() => 1));
    swallow(limiter.execute(() => 2));
    swallow(limiter.acquire(1, { signal: controller.signal }));
    const pool = bulkhead({ maxConcurrent: 1, maxQueue: 1, queueTimeoutMs: 10, clock });
    swallow(pool.execute(() => new Promise((r) => clock.setTimeout(() => r(1), 20))));
    swallow(pool.execute(() => 2, controller.signal));
    swallow(pool.execute(() => 3));
    // A loser that ignores its signal and rejects late must not surface.
    const late = () =>
      new Promise((_, reject) => clock.setTimeout(() => reject(new ProviderError("late")), 30));
    swallow(hedge({ delayMs: 5, maxHedges: 2, clock }).execute(late));
    swallow(wrap(fallback("cached"), limiter).execute(() => 4));
    controller.abort();
    await clock.advance(500);
    await Promise.all(pending);
    await clock.flush();
    expect(unhandled).toEqual([]);
    expect(clock.pendingTimers).toBe(0);
  });
});
