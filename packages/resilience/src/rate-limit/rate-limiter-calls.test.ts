import { describe, expect, it } from "vitest";
import { createVirtualClock } from "../time/virtual-clock";
import { rateLimiter } from "./rate-limiter";

const setup = () =>
  rateLimiter({ name: "calls", limit: 2, intervalMs: 100, clock: createVirtualClock(0) });

describe("rateLimiter calls", () => {
  it("turns a synchronous throw of the function into a rejection", async () => {
    const limiter = setup();
    const boom = new Error("sync boom");
    let returned: Promise<unknown> | undefined;
    expect(() => {
      returned = limiter.execute(() => {
        throw boom;
      });
    }).not.toThrow();
    await expect(returned).rejects.toBe(boom);
    expect(limiter.stats.acquired).toBe(1);
  });

  it("treats a null options argument from JavaScript as no options", async () => {
    const limiter = setup();
    await expect(limiter.execute(() => "ok", null as never)).resolves.toBe("ok");
    expect(limiter.stats).toMatchObject({ acquired: 1, acquiredWeight: 1 });
  });

  it("returns a promise from acquire also when the weight is admitted at once", async () => {
    const limiter = setup();
    const admitted = limiter.acquire(2);
    expect(admitted).toBeInstanceOf(Promise);
    await expect(admitted).resolves.toBeUndefined();
    expect(limiter.stats).toMatchObject({ acquired: 1, acquiredWeight: 2 });
  });
});
