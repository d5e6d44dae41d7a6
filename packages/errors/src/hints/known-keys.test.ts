import { describe, expect, it } from "vitest";
import { isConfigError } from "../config-error";
import { assertKnownKeys } from "./known-keys";

const caught = (fn: () => void) => {
  try {
    fn();
  } catch (error) {
    return error as { message: string; hint?: string; context: Record<string, unknown> };
  }
  throw new Error("did not throw");
};

describe("assertKnownKeys", () => {
  it("names the unknown key and suggests the closest valid one", () => {
    const error = caught(() =>
      assertKnownKeys({ failureTreshold: 3 }, ["failureThreshold", "recoveryTimeoutMs"], {
        owner: "circuitBreaker",
      }),
    );
    expect(isConfigError(error)).toBe(true);
    expect(error.message).toBe("circuitBreaker: unknown option `failureTreshold`");
    expect(error.hint).toBe("Did you mean `failureThreshold`?");
    expect(error.context).toMatchObject({ owner: "circuitBreaker", option: "failureTreshold" });
  });

  it("lists the valid keys when none is close, with the nesting prefix", () => {
    const error = caught(() =>
      assertKnownKeys({ zzz: 1 }, ["limit", "holdOff"], { owner: "store", prefix: "insurance." }),
    );
    expect(error.message).toBe("store: unknown option `insurance.zzz`");
    expect(error.hint).toBe("Valid options: `insurance.limit`, `insurance.holdOff`");
  });

  it("passes known keys, empty, undefined and null options", () => {
    expect(() => assertKnownKeys({ limit: 1 }, ["limit"], { owner: "x" })).not.toThrow();
    expect(() => assertKnownKeys({}, [], { owner: "x" })).not.toThrow();
    expect(() => assertKnownKeys(undefined, [], { owner: "x" })).not.toThrow();
    expect(() => assertKnownKeys(null, [], { owner: "x" })).not.toThrow();
  });
});
