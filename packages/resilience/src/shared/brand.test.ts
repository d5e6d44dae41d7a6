import { describe, expect, it } from "vitest";
import { brandFor, hasBrand, setBrand, withoutStack } from "./brand";

// The brands that let two copies of the package recognise each other's errors, and the
// stack-free construction used on hot rejection paths.
describe("brands", () => {
  const brand = brandFor("TestError");

  it("are registered symbols, the same in every copy of the package", () => {
    expect(brand).toBe(Symbol.for("@peak/resilience/TestError"));
  });

  it("mark an object without showing up in its keys or in a spread copy", () => {
    const marked = new Error("x");
    setBrand(marked, brand);
    expect(hasBrand(marked, brand)).toBe(true);
    expect(Object.keys(marked)).toEqual([]);
    expect(hasBrand({ ...marked }, brand)).toBe(false);
    expect(hasBrand(Object.assign({}, marked), brand)).toBe(false);
  });

  it("are not found on objects without them, nor on null, undefined or primitives", () => {
    expect(hasBrand(new Error("x"), brand)).toBe(false);
    expect(hasBrand(null, brand)).toBe(false);
    expect(hasBrand(undefined, brand)).toBe(false);
    expect(hasBrand("TestError", brand)).toBe(false);
  });

  it("count only on objects: a branded function is not an error of the package", () => {
    const fn = () => undefined;
    setBrand(fn, brand);
    expect(hasBrand(fn, brand)).toBe(false);
  });

  it("need the value true, not merely a truthy one", () => {
    expect(hasBrand({ [brand]: 1 }, brand)).toBe(false);
    expect(hasBrand({ [brand]: true }, brand)).toBe(true);
  });
});

describe("withoutStack", () => {
  it("builds errors without a stack trace and restores the stack trace limit", () => {
    const before = Error.stackTraceLimit;
    const error = withoutStack(() => new Error("fast"));
    expect(error.stack).toBe("Error: fast");
    expect(Error.stackTraceLimit).toBe(before);
  });

  it("restores the limit when the factory throws", () => {
    const before = Error.stackTraceLimit;
    expect(() =>
      withoutStack(() => {
        throw new TypeError("boom");
      }),
    ).toThrow("boom");
    expect(Error.stackTraceLimit).toBe(before);
    expect(new Error("slow").stack).toContain("brand.test.ts");
  });
});
