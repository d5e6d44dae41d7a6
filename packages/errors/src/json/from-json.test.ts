import { describe, expect, it } from "vitest";
import { isConfigError } from "../config-error";
import { errorFromJSON } from "./from-json";

const refusal = (input: unknown) => {
  try {
    errorFromJSON(input);
  } catch (error) {
    return error;
  }
  throw new Error("expected errorFromJSON to throw");
};

describe("errorFromJSON refusals", () => {
  it.each([
    [null, "json", "null"],
    [undefined, "json", "undefined"],
    [42, "json", "number"],
    ["text", "json", "string"],
    [[], "json", "an array"],
    [{}, "message", "undefined"],
    [{ message: 1 }, "message", "number"],
    [{ message: "m", context: "x" }, "context", "string"],
    [{ message: "m", code: 7 }, "code", "number"],
    [{ message: "m", retryable: "yes" }, "retryable", "string"],
  ])("throws a ConfigError for %j naming %s", (input, field, received) => {
    const error = refusal(input);
    expect(isConfigError(error)).toBe(true);
    expect(error).not.toBeInstanceOf(TypeError);
    expect((error as { context: unknown }).context).toEqual({ field, received });
    expect((error as { hint: string }).hint).toContain("toJSON()");
  });

  it("throws a ConfigError for a Proxy whose get trap throws", () => {
    const hostile = new Proxy(
      {},
      {
        get: () => {
          throw new Error("nope");
        },
      },
    );
    const error = refusal(hostile);
    expect(isConfigError(error)).toBe(true);
    expect((error as Error).message).toContain("reading `message` threw (nope)");
  });
});
