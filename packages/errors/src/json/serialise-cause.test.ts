import { describe, expect, it } from "vitest";
import { PeakTradeError } from "../peak-trade-error";
import { toError } from "../to-error";

const BRAND = Symbol.for("@peak/errors/PeakTradeError");

const causeOf = (cause: unknown) => new PeakTradeError("outer", { cause }).toJSON().cause;

describe("serialised causes", () => {
  it("keeps every field of a foreign PeakTradeError copy", () => {
    const foreign = {
      [BRAND]: true,
      name: "ConfigError",
      message: "bad",
      code: "CONFIG",
      hint: "fix it",
      context: { key: "k" },
      retryable: false,
      stack: "ConfigError: bad",
    };
    expect(causeOf(foreign)).toEqual({
      name: "ConfigError",
      message: "bad",
      code: "CONFIG",
      hint: "fix it",
      context: { key: "k" },
      retryable: false,
      stack: "ConfigError: bad",
    });
  });

  it("leaves out fields of the wrong kind or missing", () => {
    const odd = { [BRAND]: true, name: "X", message: "m", code: 7, retryable: "no" };
    expect(causeOf(odd)).toStrictEqual({ name: "X", message: "m" });
  });

  it("converts a non-Error cause, also at the end of a chain", () => {
    expect(causeOf({ x: 1n })).toEqual({ x: "1n" });
    const error = new Error("mid", { cause: "root text" });
    delete error.stack;
    expect(causeOf(error)).toEqual({ name: "Error", message: "mid", cause: "root text" });
  });

  it("cuts the chain once the budget is spent", () => {
    const root = new Error("root");
    const big = new Error("x".repeat(70_000), { cause: root });
    delete big.stack;
    const json = causeOf(big) as { message: string; cause: unknown };
    expect(json.message).toMatch(/…\[Truncated\]$/);
    expect(json.cause).toBe("[Truncated]");
  });
});

describe("toString of causes", () => {
  it("keeps line feeds of an Error cause and escapes other controls", () => {
    const error = new PeakTradeError("outer", { cause: new Error("a\nb\u001bc") });
    expect(error.toString()).toBe("PeakTradeError: outer\nCaused by: Error: a\nb\\u001bc");
  });

  it("prints a non-Error cause as escaped JSON", () => {
    const error = new PeakTradeError("outer", { cause: { text: "a\u202eb" } });
    expect(error.toString()).toBe('PeakTradeError: outer\nCaused by: {"text":"a\\u202eb"}');
  });
});

describe("toError details", () => {
  it("keeps the name of an error-like object only when it is text", () => {
    const like = { message: "m", stack: "s", name: 5 };
    expect(toError(like).name).toBe("Error");
    expect(toError({ message: "m", stack: "s", name: "AbortError" }).name).toBe("AbortError");
  });

  it("treats an object without a string stack as a plain value", () => {
    expect(toError({ message: "m" }).message).toBe('A non-Error value was thrown: {"message":"m"}');
    expect(toError(null).message).toBe("A non-Error value was thrown: null");
  });

  it("cuts the shown value after 200 characters", () => {
    expect(toError("x".repeat(198)).message).toBe(
      `A non-Error value was thrown: "${"x".repeat(198)}"`,
    );
    expect(toError("x".repeat(199)).message).toBe(
      `A non-Error value was thrown: "${"x".repeat(199)}…`,
    );
  });
});
