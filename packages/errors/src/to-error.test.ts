import { describe, expect, it } from "vitest";
import { chainError } from "./chain-error";
import { ConfigError } from "./config-error";
import { PeakTradeError } from "./peak-trade-error";
import { toError } from "./to-error";

describe("toError", () => {
  it("returns an Error unchanged", () => {
    const error = new RangeError("x");
    expect(toError(error)).toBe(error);
  });

  it.each([
    ["a string", '"a string"'],
    [42, "42"],
    [null, "null"],
    [undefined, "null"],
    [{ a: 1 }, '{"a":1}'],
  ])("wraps the thrown value %o and keeps it as cause", (value, shown) => {
    const error = toError(value);
    expect(error).toBeInstanceOf(Error);
    expect(error.message).toBe(`A non-Error value was thrown: ${shown}`);
    expect(error.cause).toBe(value);
  });

  it("keeps the message and name of an error-like object from another realm", () => {
    const foreign = { name: "AbortError", message: "aborted", stack: "AbortError: aborted" };
    const error = toError(foreign);
    expect(error.message).toBe("aborted");
    expect(error.name).toBe("AbortError");
    expect(error.cause).toBe(foreign);
  });

  it.each([
    ["a stack without a message", { stack: "trace" }],
    ["a message without a stack", { message: "m" }],
    ["a function with both", Object.assign(() => 0, { message: "m", stack: "trace" })],
  ])("treats %s as a non-Error value, not as error-like", (_, value) => {
    const error = toError(value);
    expect(error.message).toMatch(/^A non-Error value was thrown: /);
    expect(error.cause).toBe(value);
  });

  it("shortens a huge thrown value", () => {
    expect(toError("x".repeat(1000)).message.length).toBeLessThan(260);
  });
});

describe("chainError", () => {
  it("wraps a low-level error with hint and context, keeping it as cause", () => {
    const original = new SyntaxError("Unexpected token");
    const error = chainError(original, "Config is not JSON", {
      as: ConfigError,
      hint: "Remove the trailing comma",
      context: { path: "config.json" },
    });
    expect(error).toBeInstanceOf(ConfigError);
    expect(error.cause).toBe(original);
    expect(error.hint).toBe("Remove the trailing comma");
    expect(error.context).toEqual({ path: "config.json" });
    expect(error.toString()).toContain("Caused by: SyntaxError: Unexpected token");
  });

  it("makes a base PeakTradeError by default", () => {
    const error = chainError("str", "m");
    expect(error.constructor).toBe(PeakTradeError);
    expect(error.cause).toBe("str");
  });
});
