import { isConfigError } from "@peak/errors";
import { describe, expect, it } from "vitest";
import { legacyPythonHash } from "./legacy-python-hash";
import { stableHash } from "./stable-hash";
import { stableStringify } from "./stable-stringify";

const explode = (): never => {
  throw new Error("trap exploded");
};

const refusal = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    return error as { message: string; hint: string; context: { path: string }; cause?: unknown };
  }
  throw new Error("expected a ConfigError");
};

const nestedObjects = (depth: number): unknown => {
  let value: unknown = 1;
  for (let i = 0; i < depth; i++) value = { a: value };
  return value;
};

const nestedArrays = (depth: number): unknown => {
  let value: unknown = 1;
  for (let i = 0; i < depth; i++) value = [value];
  return value;
};

describe("deep nesting", () => {
  it.each([
    ["objects", 10_000, nestedObjects],
    ["objects", 100_000, nestedObjects],
    ["arrays", 10_000, nestedArrays],
    ["arrays", 100_000, nestedArrays],
  ])("refuses %s nested %i deep with a ConfigError", (_, depth, build) => {
    const value = build(depth);
    for (const run of [() => stableStringify(value), () => stableHash(value)]) {
      const error = refusal(run);
      expect(isConfigError(error)).toBe(true);
      expect(error.message).toContain("nests deeper than 1000 levels");
      expect(error.hint).toContain("Flatten");
      expect(error.context.path.startsWith("$")).toBe(true);
      expect(error.message.length).toBeLessThan(300);
    }
  });

  it("accepts 1000 levels", () => {
    const value = nestedObjects(999);
    expect(stableStringify(value)).toBe(JSON.stringify(value));
  });

  it("refuses deep nesting in the legacy hash too", () => {
    expect(isConfigError(refusal(() => legacyPythonHash(nestedObjects(10_000))))).toBe(true);
  });
});

describe("hostile objects", () => {
  const getter = () => Object.defineProperty({ ok: 1 }, "bad", { enumerable: true, get: explode });
  const trapProxy = () =>
    new Proxy({}, { get: explode, ownKeys: explode, getPrototypeOf: explode });

  it.each([
    ["a getter that throws", () => ({ a: getter() }), "$.a.bad"],
    ["a Proxy whose traps throw", () => ({ p: trapProxy() }), "$.p"],
    ["a Proxy at the top", trapProxy, "$"],
    ["a Proxy in an array", () => [1, trapProxy()], "$[1]"],
  ])("turns %s into a ConfigError naming its path", (_, build, path) => {
    const value = build();
    for (const run of [() => stableStringify(value), () => legacyPythonHash(value)]) {
      const error = refusal(run);
      expect(isConfigError(error)).toBe(true);
      expect(error.context.path).toBe(path);
      expect(error.message).toContain("reading the value threw: trap exploded");
      expect(error.cause).toBeInstanceOf(Error);
    }
  });

  it("turns a revoked Proxy into a ConfigError", () => {
    const { proxy, revoke } = Proxy.revocable({}, {});
    revoke();
    const error = refusal(() => stableHash({ config: proxy }));
    expect(isConfigError(error)).toBe(true);
    expect(error.context.path).toBe("$.config");
  });

  it("still hashes a value with a few shared references", () => {
    const shared = { x: 1 };
    expect(stableStringify({ a: shared, b: shared })).toBe('{"a":{"x":1},"b":{"x":1}}');
  });
});
