import { ConfigError } from "@peak/errors";
import { describe, expect, it } from "vitest";
import { checkInteger, checkLimit, checkNumber, checkRate } from "./validate";

// The numeric option checks shared by every policy: what they accept, and the ConfigError
// (message, hint, context) they throw for everything else.
const caught = (run: () => unknown): ConfigError => {
  try {
    run();
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error("expected a ConfigError");
};

describe("checkNumber", () => {
  it("gives the fallback for undefined and keeps a number >= min", () => {
    expect(checkNumber("retry", "baseDelayMs", undefined, 100)).toBe(100);
    expect(checkNumber("retry", "baseDelayMs", 0, 100)).toBe(0);
    expect(checkNumber("retry", "baseDelayMs", 1, 100, 1)).toBe(1);
  });

  it("fails on a required option left out", () => {
    const error = caught(() => checkNumber("timeout", "ms", undefined, undefined));
    expect(error.message).toBe("Expected `ms` to be a finite number >= 0, got undefined");
    expect(error.context).toEqual({ option: "ms", owner: "timeout", received: "undefined" });
  });

  it("names the bound, the option and the owner", () => {
    const error = caught(() => checkNumber("circuitBreaker", "windowMs", 0.5, 1000, 1));
    expect(error.message).toBe("Expected `windowMs` to be a finite number >= 1, got 0.5");
    expect(error.hint).toBe(
      "Pass a finite number >= 1 as `windowMs` to circuitBreaker(), or leave it out for the default",
    );
    expect(error.context).toEqual({ option: "windowMs", owner: "circuitBreaker", received: "0.5" });
  });

  it("rejects strings, NaN and Infinity", () => {
    expect(caught(() => checkNumber("o", "x", "5", 1)).context.received).toBe('"5"');
    expect(caught(() => checkNumber("o", "x", Number.NaN, 1)).context.received).toBe("NaN");
    expect(caught(() => checkNumber("o", "x", Infinity, 1)).context.received).toBe("Infinity");
  });
});

describe("how a bad value is described", () => {
  it("prints numbers and bigints as digits, strings quoted and cut at 40 characters", () => {
    expect(caught(() => checkNumber("o", "x", -3, 1)).context.received).toBe("-3");
    expect(caught(() => checkNumber("o", "x", 7n, 1)).context.received).toBe("7");
    expect(caught(() => checkNumber("o", "x", "abc", 1)).context.received).toBe('"abc"');
    const long = "a".repeat(39) + "bcdef";
    expect(caught(() => checkNumber("o", "x", long, 1)).context.received).toBe(
      JSON.stringify("a".repeat(39) + "b"),
    );
  });

  it("names the type of anything else", () => {
    expect(caught(() => checkNumber("o", "x", null, 1)).context.received).toBe("object");
    expect(caught(() => checkNumber("o", "x", true, 1)).context.received).toBe("boolean");
    expect(caught(() => checkNumber("o", "x", Symbol("s"), 1)).context.received).toBe("symbol");
  });
});

describe("checkInteger", () => {
  it("keeps an integer >= min and gives the fallback for undefined", () => {
    expect(checkInteger("o", "n", 3, 5)).toBe(3);
    expect(checkInteger("o", "n", undefined, 5)).toBe(5);
    expect(checkInteger("o", "n", 0, 5, 0)).toBe(0);
  });

  it("takes Infinity only when allowed", () => {
    expect(checkInteger("o", "n", Infinity, 5, 1, true)).toBe(Infinity);
    expect(caught(() => checkInteger("o", "n", Infinity, 5)).message).toBe(
      "Expected `n` to be an integer >= 1, got Infinity",
    );
  });

  it("fails with a ConfigError, not a TypeError, on a symbol", () => {
    const error = caught(() => checkInteger("bulkhead", "limit", Symbol("x"), 5, 1, true));
    expect(error.context).toEqual({ option: "limit", owner: "bulkhead", received: "symbol" });
  });

  it("rejects fractions, numbers below min and a required option left out", () => {
    expect(caught(() => checkInteger("o", "n", 1.5, 5)).context.received).toBe("1.5");
    expect(caught(() => checkInteger("o", "n", 0, 5)).context.received).toBe("0");
    expect(caught(() => checkInteger("o", "n", undefined, undefined)).context.received).toBe(
      "undefined",
    );
  });
});

describe("checkLimit", () => {
  it("reads undefined, 0 and Infinity as no limit and keeps a positive number", () => {
    expect(checkLimit("o", "maxHalfOpenMs", undefined)).toBe(Infinity);
    expect(checkLimit("o", "maxHalfOpenMs", 0)).toBe(Infinity);
    expect(checkLimit("o", "maxHalfOpenMs", Infinity)).toBe(Infinity);
    expect(checkLimit("o", "maxHalfOpenMs", 0.5)).toBe(0.5);
  });

  it("rejects strings, NaN, negatives and -Infinity", () => {
    const error = caught(() => checkLimit("circuitBreaker", "maxHalfOpenMs", "5"));
    expect(error.message).toBe(
      'Expected `maxHalfOpenMs` to be a number of milliseconds > 0, or 0/Infinity for no limit, got "5"',
    );
    expect(caught(() => checkLimit("o", "l", Number.NaN)).context.received).toBe("NaN");
    expect(caught(() => checkLimit("o", "l", -1)).context.received).toBe("-1");
    expect(caught(() => checkLimit("o", "l", -Infinity)).context.received).toBe("-Infinity");
  });
});

describe("checkRate", () => {
  it("keeps a rate in (0, 1], both ends included as stated", () => {
    expect(checkRate("o", "failureRate", 1)).toBe(1);
    expect(checkRate("o", "failureRate", 0.001)).toBe(0.001);
  });

  it("rejects 0, negatives, rates above 1 and non-numbers", () => {
    const error = caught(() => checkRate("circuitBreaker", "failureRate", 0));
    expect(error.message).toBe("Expected `failureRate` to be a rate in (0, 1], got 0");
    expect(caught(() => checkRate("o", "r", -0.5)).context.received).toBe("-0.5");
    expect(caught(() => checkRate("o", "r", 1.01)).context.received).toBe("1.01");
    expect(caught(() => checkRate("o", "r", "0.5")).context.received).toBe('"0.5"');
    expect(caught(() => checkRate("o", "r", Number.NaN)).context.received).toBe("NaN");
  });
});
