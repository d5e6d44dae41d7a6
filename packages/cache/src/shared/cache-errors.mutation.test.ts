import { isPeakTradeError } from "@peak/errors";
import { describe, expect, it } from "vitest";
import { CacheMissError } from "./cache-miss-error";
import { CacheWriteError, errnoCode } from "./cache-write-error";

describe.each([
  ["CacheWriteError", CacheWriteError, "CACHE_WRITE", "@peak/cache/CacheWriteError"],
  ["CacheMissError", CacheMissError, "CACHE_MISS", "@peak/cache/CacheMissError"],
] as const)("%s", (name, ErrorClass, code, brandKey) => {
  it("carries its name, code, message, hint, context and cause", () => {
    const cause = new Error("low level");
    const error = new ErrorClass("it failed", { hint: "fix it", context: { path: "/a" }, cause });
    expect(error).toMatchObject({ name, code, message: "it failed", hint: "fix it" });
    expect(error.context).toEqual({ path: "/a" });
    expect(error.cause).toBe(cause);
    expect(isPeakTradeError(error)).toBe(true);
  });

  it("needs no options", () => {
    const error = new ErrorClass("bare");
    expect(error).toMatchObject({ code, message: "bare", hint: undefined });
    expect(error.context).toEqual({});
  });

  it("is recognised by isInstance, also as a foreign copy carrying the brand", () => {
    expect(ErrorClass.isInstance(new ErrorClass("x"))).toBe(true);
    expect(ErrorClass.isInstance({ [Symbol.for(brandKey)]: true })).toBe(true);
  });

  it("keeps its brand out of the enumerable keys", () => {
    expect(Object.getOwnPropertySymbols(new ErrorClass("x"))).toContain(Symbol.for(brandKey));
    expect(Object.keys({ ...new ErrorClass("x") })).not.toContain(Symbol.for(brandKey));
    expect(
      Object.getOwnPropertyDescriptor(new ErrorClass("x"), Symbol.for(brandKey))?.enumerable,
    ).toBe(false);
  });

  it.each([
    ["null", null],
    ["undefined", undefined],
    ["a string", "CacheWriteError"],
    ["a plain Error", new Error("x")],
    ["an object with a non-true brand", { [Symbol.for(brandKey)]: "yes" }],
  ])("rejects %s", (_label, value) => {
    expect(ErrorClass.isInstance(value)).toBe(false);
  });
});

describe("the two cache errors", () => {
  it("do not pass for each other", () => {
    expect(CacheWriteError.isInstance(new CacheMissError("x"))).toBe(false);
    expect(CacheMissError.isInstance(new CacheWriteError("x"))).toBe(false);
  });
});

describe("errnoCode", () => {
  it("reads a string code", () => {
    expect(errnoCode(Object.assign(new Error("x"), { code: "ENOSPC" }))).toBe("ENOSPC");
    expect(errnoCode({ code: "EACCES" })).toBe("EACCES");
  });

  it.each([
    ["null", null],
    ["undefined", undefined],
    ["a string", "ENOSPC"],
    ["an object without code", {}],
    ["a numeric code", { code: 28 }],
  ])("gives undefined for %s", (_label, value) => {
    expect(errnoCode(value)).toBeUndefined();
  });
});
