import { ConfigError, ProviderError } from "@peak/errors";
import { describe, expect, it } from "vitest";
import { toErrorPredicate } from "./error-matcher";

// `retryOn`, `recordOn` and the like: a predicate, or a list of error classes.
const never = () => false;

class Tagged {
  // Matches any object carrying the tag, as a class from another copy of a package would.
  static isInstance(value: unknown): boolean {
    return typeof value === "object" && value !== null && "tag" in value;
  }
}

class Loose {
  static isInstance(): string {
    return "yes";
  }
}

describe("toErrorPredicate", () => {
  it("gives the fallback for undefined and keeps a predicate as it is", () => {
    const predicate = (error: unknown) => error === 1;
    expect(toErrorPredicate("retry", "retryOn", undefined, never)).toBe(never);
    expect(toErrorPredicate("retry", "retryOn", predicate, never)).toBe(predicate);
  });

  it("matches an error of any listed class", () => {
    const matches = toErrorPredicate("retry", "retryOn", [TypeError, ProviderError], never);
    expect(matches(new ProviderError("down"))).toBe(true);
    expect(matches(new TypeError("bad"))).toBe(true);
    expect(matches(new RangeError("out"))).toBe(false);
    expect(matches("ProviderError")).toBe(false);
  });

  it("asks a class's static isInstance rather than instanceof", () => {
    const matches = toErrorPredicate("retry", "retryOn", [Tagged], never);
    expect(matches({ tag: "from another copy" })).toBe(true);
    expect(matches(new Tagged())).toBe(false);
  });

  it("counts only an isInstance answer of true", () => {
    const matches = toErrorPredicate("retry", "retryOn", [Loose], never);
    expect(matches(new Loose())).toBe(false);
  });

  it("keeps its own copy of the list", () => {
    const classes = [TypeError];
    const matches = toErrorPredicate("retry", "retryOn", classes, never);
    classes.push(RangeError);
    expect(matches(new RangeError("later"))).toBe(false);
  });

  it("rejects a list holding anything but classes, and a non-list", () => {
    for (const filter of [[TypeError, "ProviderError"], ["ProviderError"], "TypeError", {}]) {
      let error: unknown;
      try {
        toErrorPredicate("circuitBreaker", "recordOn", filter as never, never);
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(ConfigError);
      const config = error as ConfigError;
      expect(config.message).toBe(
        "Expected `recordOn` to be a predicate or an array of error classes",
      );
      expect(config.hint).toBe(
        "Pass e.g. `recordOn: [ProviderError]` or `recordOn: (error) => boolean`",
      );
      expect(config.context).toEqual({ option: "recordOn", owner: "circuitBreaker" });
    }
  });
});
