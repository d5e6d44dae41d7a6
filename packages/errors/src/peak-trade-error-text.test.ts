import { describe, expect, it } from "vitest";
import { isPeakTradeError, PeakTradeError } from "./peak-trade-error";

describe("PeakTradeError text", () => {
  it("escapes control characters in message and hint but keeps line feeds and tabs", () => {
    const error = new PeakTradeError("a\nb\u001b[31m", { hint: "h\tx\u0007" });
    expect(error.message).toBe("a\nb\\u001b[31m");
    expect(error.hint).toBe("h\tx\\u0007");
  });

  it("turns a message that is not a string into text as Error does, and escapes it", () => {
    expect(new PeakTradeError(42 as never).message).toBe("42");
    expect(new PeakTradeError(undefined as never).message).toBe("");
    const wrapped = new PeakTradeError(new Error("red\u001b[31m") as never);
    expect(wrapped.message).toBe("Error: red\\u001b[31m");
  });

  it("keeps an explicitly undefined cause as a cause property", () => {
    const error = new PeakTradeError("x", { cause: undefined });
    expect("cause" in error).toBe(true);
    expect(error.toJSON()).not.toHaveProperty("cause");
  });

  it("leaves hint and stack out of toJSON when there are none", () => {
    const error = new PeakTradeError("x", { retryable: true });
    delete error.stack;
    expect(error.toJSON()).toEqual({
      name: "PeakTradeError",
      code: "PEAK_TRADE",
      message: "x",
      context: {},
      retryable: true,
    });
    expect(Object.keys(error.toJSON())).toEqual([
      "name",
      "code",
      "message",
      "context",
      "retryable",
    ]);
  });

  it("keeps the stack in toJSON", () => {
    const error = new PeakTradeError("x");
    error.stack = "PeakTradeError: x\n    at somewhere";
    expect(error.toJSON().stack).toBe("PeakTradeError: x\n    at somewhere");
  });

  it("escapes what JSON leaves raw in the context line, and the name in the first line", () => {
    const error = new PeakTradeError("x", { context: { text: "a\u202eb" } });
    error.name = "Odd\u001bName";
    expect(error.toString()).toBe('Odd\\u001bName: x\nContext: {"text":"a\\u202eb"}');
  });

  it("is not fooled by a plain object", () => {
    expect(isPeakTradeError({ name: "PeakTradeError", code: "PEAK_TRADE" })).toBe(false);
    expect(PeakTradeError.isInstance(undefined)).toBe(false);
  });
});
