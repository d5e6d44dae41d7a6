import { ConfigError } from "@peak/errors";
import { describe, expect, it } from "vitest";
import { badOption, checkChoice } from "./validate";

// One of a fixed set of strings (`jitter`, `backoff`, `mode`), and the shared bad-option error.
const modes = ["cooperative", "race"] as const;

describe("checkChoice", () => {
  it("keeps a listed choice and gives the fallback for undefined", () => {
    expect(checkChoice("timeout", "mode", "race", modes, "cooperative")).toBe("race");
    expect(checkChoice("timeout", "mode", undefined, modes, "cooperative")).toBe("cooperative");
  });

  it("lists the choices, quoted, when the value is not one of them", () => {
    let error: unknown;
    try {
      checkChoice("timeout", "mode", "fast", modes, "cooperative");
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const config = error as ConfigError;
    expect(config.message).toBe('Expected `mode` to be one of "cooperative", "race", got "fast"');
    expect(config.hint).toBe(
      'Pass one of "cooperative", "race" as `mode` to timeout(), or leave it out for the default',
    );
    expect(config.context).toEqual({ option: "mode", owner: "timeout", received: '"fast"' });
  });

  it("rejects a non-string, even one whose text is a choice", () => {
    const wrapped = { toString: () => "race" };
    expect(() => checkChoice("timeout", "mode", wrapped, modes, "cooperative")).toThrow(
      ConfigError,
    );
    expect(() => checkChoice("timeout", "mode", 1, modes, "cooperative")).toThrow("got 1");
  });
});

describe("badOption", () => {
  it("throws the ConfigError for a value the caller found wrong", () => {
    expect(() => badOption("circuitBreaker", "strategy", "a strategy object", 3)).toThrow(
      "Expected `strategy` to be a strategy object, got 3",
    );
  });
});
