import { ConfigError, ProviderError } from "@peak/errors";
import { describe, expect, expectTypeOf, it } from "vitest";
import { BulkheadRejectedError } from "../errors/bulkhead-rejected-error";
import { CircuitOpenError } from "../errors/circuit-open-error";
import { RateLimitedError } from "../errors/rate-limited-error";
import { wrap } from "../compose/wrap";
import { fallback } from "./fallback";

const open = new CircuitOpenError("open", { breakerName: "b", state: "open", nextAttemptAt: 1 });
const limited = new RateLimitedError("limited", {
  limiterName: "l",
  key: undefined,
  weight: 1,
  retryAfterMs: 5,
});
const full = new BulkheadRejectedError("full", {
  bulkheadName: "p",
  reason: "full",
  maxConcurrent: 1,
  maxQueue: 0,
});

describe("fallback", () => {
  it.each([open, limited, full, new ProviderError("503")])(
    "answers with the value on %s",
    async (error) => {
      expect(await fallback("cached").execute(() => Promise.reject(error))).toBe("cached");
    },
  );

  it("passes the error to a fallback function and lets programming errors through", async () => {
    const policy = fallback((error) => `served stale after ${(error as Error).message}`);
    expect(await policy.execute(() => Promise.reject(new ProviderError("timeout")))).toBe(
      "served stale after timeout",
    );
    await expect(policy.execute(() => Promise.reject(new TypeError("bug")))).rejects.toThrow("bug");
    expect(await policy.execute(() => "fresh")).toBe("fresh");
  });

  it("matches `on` classes or predicates and rejects a bad `on` with a ConfigError", async () => {
    const onType = fallback(0, { on: [TypeError] });
    expect(
      await onType.execute(() => {
        throw new TypeError("sync");
      }),
    ).toBe(0);
    await expect(onType.execute(() => Promise.reject(open))).rejects.toBe(open);
    expect(() => fallback(0, { on: "all" as never })).toThrow(ConfigError);
  });

  it("does not fall back when the caller aborted", async () => {
    const controller = new AbortController();
    controller.abort();
    const call = fallback("x").execute(
      () => Promise.reject(new ProviderError("aborted")),
      controller.signal,
    );
    await expect(call).rejects.toThrow("aborted");
  });

  it("composes with wrap() and keeps the fallback type on execute", async () => {
    const policy = wrap(fallback("none"), fallback("inner"));
    expect(await policy.execute(() => Promise.reject(limited))).toBe("inner");
    expectTypeOf(fallback(0).execute(() => "text")).toEqualTypeOf<Promise<string | number>>();
    expect(
      await fallback(null).wrap((n: number) => Promise.reject(new ProviderError(`${n}`)))(1),
    ).toBeNull();
  });
});
