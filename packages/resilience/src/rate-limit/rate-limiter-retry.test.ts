import { describe, expect, it } from "vitest";
import { wrap } from "../compose/wrap";
import { retryWithBackoff } from "../retry/retry";
import { createVirtualClock } from "../time/virtual-clock";
import { rateLimiter } from "./rate-limiter";

describe("retry around a rate limiter", () => {
  it("waits the retryAfterMs a RateLimitedError carries, then gets in", async () => {
    const clock = createVirtualClock(0);
    const limiter = rateLimiter({ name: "bybit", limit: 2, intervalMs: 1_000, clock });
    const delays: number[] = [];
    const policy = wrap(
      retryWithBackoff({
        clock,
        baseDelayMs: 1,
        jitter: "none",
        maxAttempts: 2,
        onRetry: ({ delayMs }) => delays.push(delayMs),
      }),
      limiter,
    );
    limiter.tryAcquire({ weight: 2 });
    await clock.advance(300);
    let ranAt = -1;
    const call = policy.execute(() => (ranAt = clock.now()));
    await clock.advance(700);
    await call;
    expect(delays).toEqual([700]);
    expect(ranAt).toBe(1_000);
  });
});
