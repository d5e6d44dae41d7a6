import { ConfigError } from "@peak/errors";
import { describe, expect, it } from "vitest";
import { createVirtualClock } from "../time/virtual-clock";
import { rateLimiter } from "./rate-limiter";

const BASE = { limit: 3, intervalMs: 100 };

const thrown = (make: () => unknown): ConfigError => {
  try {
    make();
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return error as ConfigError;
  }
  throw new Error("expected a ConfigError");
};

describe("rateLimiter option errors", () => {
  it.each([null, 5])("names the options object when given %o", (options) => {
    const error = thrown(() => rateLimiter(options as never));
    expect(error.message).toMatch(/^Expected `options` to be an options object/);
    expect(error.context).toMatchObject({ option: "options", owner: "rateLimiter" });
  });

  it("lists the known options for an unknown one", () => {
    const error = thrown(() => rateLimiter({ ...BASE, maxWait: 5 } as never));
    expect(error.message).toBe("Unknown option `maxWait` of rateLimiter()");
    expect(error.hint).toBe(
      "Known options: name, limit, intervalMs, burst, maxWaitMs, store, clock",
    );
    expect(error.context).toEqual({ option: "maxWait", owner: "rateLimiter" });
  });

  it.each(["", 7])("refuses a name of %o", (name) => {
    const error = thrown(() => rateLimiter({ ...BASE, name } as never));
    expect(error.message).toMatch(/^Expected `name` to be a non-empty string/);
    expect(error.context).toMatchObject({ option: "name", owner: "rateLimiter" });
  });

  it("accepts any non-empty name, and defaults it", () => {
    expect(rateLimiter({ ...BASE, name: "Stryker was here!" }).name).toBe("Stryker was here!");
    expect(rateLimiter(BASE).name).toBe("rate-limiter");
  });

  it.each([{ take: 1 }, "redis"])("refuses a store %o without take()", (store) => {
    const error = thrown(() => rateLimiter({ ...BASE, store } as never));
    expect(error.message).toMatch(
      /^Expected `store` to be a RateLimitStore \(an object with take and refund\)/,
    );
  });
});

describe("rateLimiter weight errors", () => {
  const limiter = rateLimiter({ ...BASE, name: "w", burst: 1, clock: createVirtualClock(0) });

  it("shows a bad number and says no window can hold a weight above the capacity", () => {
    const error = thrown(() => limiter.tryAcquire({ weight: 5 }));
    expect(error.message).toBe(
      'Rate limiter "w" cannot admit a weight of 5: it must be a number in (0, 4]',
    );
    expect(error.hint).toBe(
      "No window can ever hold it: raise `limit` or `burst` (capacity 4), or split the call",
    );
    expect(error.context).toEqual({ limiter: "w", option: "weight", weight: "5", capacity: 4 });
  });

  it("admits a weight equal to the capacity", () => {
    expect(limiter.tryAcquire({ weight: 4 })).toEqual({ ok: true });
  });

  it.each([
    [0, "0"],
    [Number.NaN, "NaN"],
    ["2", "string"],
  ])("shows %o as %s and asks for a positive weight", (weight, shown) => {
    const error = thrown(() => limiter.tryAcquire({ weight: weight as number }));
    expect(error.message).toContain(`cannot admit a weight of ${shown}:`);
    expect(error.hint).toBe("Pass a positive finite `weight`, or leave it out for 1");
    expect(error.context).toMatchObject({ option: "weight", weight: shown });
  });
});
