import { describe, expect, it } from "vitest";
import { configRefusal } from "../test-support/config-refusal";
import { checkedCap, resolveRateLimitOptions } from "./rate-limit-options";
import type { RateLimitTakeRequest } from "./store-contract";

const OWNER = "createRedisRateLimitStore";

const resolve = (options: object) =>
  resolveRateLimitOptions(options as Parameters<typeof resolveRateLimitOptions>[0]);

describe("createRedisRateLimitStore options", () => {
  it("fills in the documented defaults", () => {
    expect(resolve({})).toMatchObject({
      prefix: "peak:rate",
      fleetSize: undefined,
      insuranceLimit: undefined,
      holdOff: true,
      commandTimeoutMs: 250,
      reconnectIntervalMs: 1_000,
      marginMs: 0,
      lease: undefined,
    });
  });

  it("keeps valid values, fractions included where no integer is needed", () => {
    const options = {
      url: "redis://127.0.0.1:6379",
      prefix: "binance:spot",
      fleetSize: 8,
      insurance: { limit: 2.5, holdOff: false },
      commandTimeoutMs: 2.5,
      reconnectIntervalMs: 1.5,
      marginMs: 5,
      lease: { size: 2.5, ttlMs: 7.5 },
    };
    expect(resolve(options)).toMatchObject({
      prefix: "binance:spot",
      fleetSize: 8,
      insuranceLimit: 2.5,
      holdOff: false,
      commandTimeoutMs: 2.5,
      reconnectIntervalMs: 1.5,
      marginMs: 5,
      lease: { size: 2.5, ttlMs: 7.5 },
    });
    expect(resolve({ marginMs: 0, insurance: { limit: 0 } })).toMatchObject({
      marginMs: 0,
      insuranceLimit: 0,
    });
  });

  it.each([
    ["commandTimeoutMs", { commandTimeoutMs: -1 }, "a positive finite number"],
    ["reconnectIntervalMs", { reconnectIntervalMs: 0 }, "a positive finite number"],
    ["marginMs", { marginMs: -1 }, "a positive finite number"],
    ["fleetSize", { fleetSize: 2.5 }, "a positive integer"],
    ["insurance.limit", { insurance: { limit: -1 } }, "a positive finite number"],
    ["lease.size", { lease: { ttlMs: 10 } }, "a positive finite number"],
    ["lease.ttlMs", { lease: { size: 10, ttlMs: Number.NaN } }, "a positive finite number"],
    ["prefix", { prefix: "a b" }, "a non-empty string"],
  ])("names `%s` when it is bad", (option, options, expected) => {
    const error = configRefusal(() => resolve(options));
    expect(error.message).toContain(`${OWNER}: \`${option}\` must be ${expected}`);
    expect(error.context).toMatchObject({ option, owner: OWNER });
  });

  it.each([
    ["insurance.limt", { insurance: { limt: 1 } }],
    ["lease.siz", { lease: { siz: 1 } }],
  ])("names the unknown option %s with its prefix", (option, options) => {
    expect(configRefusal(() => resolve(options)).message).toContain(option);
  });

  it("refuses both `redis` and `url`, with a hint", () => {
    const error = configRefusal(() =>
      resolve({ url: "redis://127.0.0.1:6379", redis: { port: 6379 } }),
    );
    expect(error.message).toBe(`${OWNER}: give \`redis\` or \`url\`, not both`);
    expect(error.hint).toContain('url: "redis://127.0.0.1:6379"');
    expect(error.context).toEqual({ option: "url", owner: OWNER });
  });
});

describe("checkedCap", () => {
  const request = (weight: number): RateLimitTakeRequest => ({
    key: "k",
    weight,
    limit: 10,
    intervalMs: 1_000,
    burst: 2,
    maxWaitMs: 0,
  });

  it("gives limit + burst for a weight in (0, limit + burst]", () => {
    expect(checkedCap(request(12))).toBe(12);
    expect(checkedCap(request(0.5))).toBe(12);
  });

  it.each([0, -1, 12.5, Number.NaN])("refuses weight %s, naming the key, weight and cap", (w) => {
    const error = configRefusal(() => checkedCap(request(w)));
    expect(error.message).toBe(`rate limit store: weight ${w} is outside (0, 12]`);
    expect(error.hint).toBe("A call's weight must be positive and at most limit + burst");
    expect(error.context).toEqual({ key: "k", weight: w, cap: 12 });
  });
});
