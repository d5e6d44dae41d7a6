import { isConfigError } from "@peak/errors";
import { describe, expect, it } from "vitest";
import { BUILTIN_INVARIANT_NAMES } from "../builtins/builtin-invariants";
import { defineInvariant } from "../invariant/invariant";
import { resolveInvariants } from "./resolve-invariants";

const custom = (name: string) =>
  defineInvariant({ name, description: "", requires: [], create: () => () => undefined });

const refusal = (names: unknown, extra: unknown[] = []) => {
  try {
    resolveInvariants(names as never, extra);
  } catch (error) {
    if (isConfigError(error)) return error;
  }
  throw new Error("expected a ConfigError");
};

describe("resolveInvariants", () => {
  it("runs every built-in, then every custom invariant, by default", () => {
    const names = resolveInvariants(undefined, [custom("a"), custom("b")]).map((i) => i.name);
    expect(names).toEqual([...BUILTIN_INVARIANT_NAMES, "a", "b"]);
  });

  it("keeps the order asked for and drops repeats", () => {
    const names = resolveInvariants(["b", "no_lookahead", "b"], [custom("b")]).map((i) => i.name);
    expect(names).toEqual(["b", "no_lookahead"]);
  });

  it("refuses a list that is not an array", () => {
    const error = refusal("monotonic_time");
    expect(error.message).toBe("`invariants` must be an array of invariant names");
    expect(error.hint).toBe('Example: invariants: ["monotonic_time", "equity_identity"]');
    expect(error.context).toEqual({ option: "invariants", received: "string" });
  });

  it("refuses an unknown name, listing every available one", () => {
    const error = refusal(["no_lookahead", 42], [custom("mine")]);
    const available = [...BUILTIN_INVARIANT_NAMES, "mine"];
    expect(error.message).toBe("Unknown invariant `42` at invariants[1]");
    expect(error.hint).toBe(`Available: ${available.join(", ")}`);
    expect(error.context).toEqual({
      option: "invariants",
      index: 1,
      name: "42",
      suggestion: null,
      available,
    });
  });

  it.each([
    [null],
    ["no_lookahead"],
    [{ name: "", requires: [], create: () => () => undefined }],
    [{ name: 1, requires: [], create: () => () => undefined }],
    [{ name: "x", requires: "cash", create: () => () => undefined }],
    [{ name: "x", requires: [], create: "check" }],
  ])("refuses the malformed custom invariant %j", (bad) => {
    const error = refusal(undefined, [custom("fine"), bad]);
    expect(error.message).toBe("custom[1] is not an invariant");
    expect(error.hint).toBe(
      "Build it with defineInvariant({ name, description, requires, create })",
    );
    expect(error.context).toEqual({ option: "custom", index: 1 });
  });

  it("refuses two custom invariants with the same name", () => {
    const error = refusal(undefined, [custom("mine"), custom("other"), custom("mine")]);
    expect(error.message).toBe("Duplicate invariant name `mine`");
    expect(error.hint).toBe(
      "Give the custom invariant a name no built-in or other custom invariant uses",
    );
    expect(error.context).toEqual({ option: "custom", index: 2, name: "mine" });
  });
});

describe("defineInvariant", () => {
  it("returns a frozen copy", () => {
    const spec = { name: "n", description: "d", requires: [], create: () => () => undefined };
    const invariant = defineInvariant(spec);
    expect(invariant).not.toBe(spec);
    expect(invariant).toEqual(spec);
    expect(Object.isFrozen(invariant)).toBe(true);
  });
});
