import { describe, expect, it } from "vitest";
import { BacktestInvariantError } from "../backtest-invariant-error";
import { CacheCorruptionError } from "../cache-corruption-error";
import { ConfigError } from "../config-error";
import { DataContractError } from "../data-contract-error";
import { PeakTradeError } from "../peak-trade-error";
import { ProviderError } from "../provider-error";
import { errorFromJSON } from "./from-json";

const refusal = (input: unknown): ConfigError => {
  try {
    errorFromJSON(input);
  } catch (error) {
    if (error instanceof ConfigError) return error;
  }
  throw new Error("expected a ConfigError");
};

describe("errorFromJSON fields", () => {
  it.each([
    [DataContractError, "DATA_CONTRACT"],
    [ConfigError, "CONFIG"],
    [ProviderError, "PROVIDER"],
    [CacheCorruptionError, "CACHE_CORRUPTION"],
    [BacktestInvariantError, "BACKTEST_INVARIANT"],
  ] as const)("gives %o back for the code %s", (Ctor, code) => {
    const copy = errorFromJSON({ code, message: "m" });
    expect(copy.constructor).toBe(Ctor);
    expect(copy.code).toBe(code);
  });

  it("restores message, hint, context, retryable, stack and cause", () => {
    const copy = errorFromJSON({
      message: "m",
      hint: "h",
      context: { a: 1 },
      retryable: true,
      stack: "Error: m\n    at here",
      cause: { message: "inner" },
    });
    expect(copy.constructor).toBe(PeakTradeError);
    expect([copy.message, copy.hint, copy.context, copy.retryable]).toEqual([
      "m",
      "h",
      { a: 1 },
      true,
    ]);
    expect(copy.stack).toBe("Error: m\n    at here");
    expect(copy.cause).toEqual({ message: "inner" });
  });

  it("leaves out what the JSON leaves out", () => {
    const copy = errorFromJSON({ message: "m" });
    expect(copy.hint).toBeUndefined();
    expect(copy.context).toEqual({});
    expect(copy.retryable).toBe(false);
    expect("cause" in copy).toBe(false);
    expect(copy.stack).toContain("PeakTradeError: m");
  });

  it.each([
    [{ message: "m", hint: 1 }, "hint", "`hint` must be a string, got number"],
    [{ message: "m", stack: [] }, "stack", "`stack` must be a string, got an array"],
    [{ message: "m", context: null }, "context", "`context` must be an object, got null"],
    [{ message: "m", context: [] }, "context", "`context` must be an object, got an array"],
    [{ message: "m", retryable: 0 }, "retryable", "`retryable` must be a boolean, got number"],
    [{ hint: "h" }, "message", "`message` must be a string, got undefined"],
    ["text", "json", "expected an object, got string"],
  ])("refuses %j with a message naming %s", (input, field, reason) => {
    const error = refusal(input);
    expect(error.message).toBe(`Cannot rebuild an error from JSON: ${reason}`);
    expect(error.hint).toBe(
      "Pass the parsed output of `error.toJSON()`: an object with at least a string `message`",
    );
    expect(error.context.field).toBe(field);
  });

  it("names a field whose getter throws, without a received kind", () => {
    const json = {
      message: "m",
      get cause(): unknown {
        throw new RangeError("no cause today");
      },
    };
    const error = refusal(json);
    expect(error.message).toBe(
      "Cannot rebuild an error from JSON: reading `cause` threw (RangeError: no cause today)",
    );
    expect(error.context).toStrictEqual({ field: "cause" });
    expect(Object.keys(error.context)).toEqual(["field"]);
  });
});
