import { isConfigError } from "@peak/errors";
import { describe, expect, it } from "vitest";
import { rejectUnknownOptions } from "./known-options";

const KNOWN = ["timeoutMs", "staleMs"];

const rejection = (options: object) => {
  let error: unknown;
  try {
    rejectUnknownOptions(options, KNOWN, "test");
  } catch (e) {
    error = e;
  }
  expect(isConfigError(error)).toBe(true);
  return error as { message: string; hint?: string; context: Record<string, unknown> };
};

describe("rejectUnknownOptions", () => {
  it.each([undefined, null, "timeoutMs", 5])("ignores a missing or non-object %j", (options) => {
    expect(() => rejectUnknownOptions(options as never, KNOWN, "test")).not.toThrow();
  });

  it("accepts known keys", () => {
    expect(() => rejectUnknownOptions({ staleMs: 1, timeoutMs: 2 }, KNOWN, "test")).not.toThrow();
  });

  it("names the unknown key, suggests the closest known one and lists all", () => {
    const error = rejection({ timeoutMs: 1, timeoutMS: 2 });
    expect(error.message).toBe("Unknown test option `timeoutMS`");
    expect(error.hint).toBe("Did you mean `timeoutMs`?");
    expect(error.context).toEqual({
      option: "timeoutMS",
      where: "test",
      valid: "timeoutMs, staleMs",
    });
  });

  it("lists the valid options when none is close", () => {
    expect(rejection({ colour: "red" }).hint).toBe("Valid options: timeoutMs, staleMs");
  });
});
