import { describe, expect, it } from "vitest";
import { setGlobalSeed } from "./global-seed";
import { createRng } from "./rng";

describe("setGlobalSeed", () => {
  it("makes Math.random follow createRng(seed).next()", () => {
    const restore = setGlobalSeed(42);
    const values = [Math.random(), Math.random()];
    restore();
    const rng = createRng(42);
    expect(values).toEqual([rng.next(), rng.next()]);
  });

  it("accepts a generator, e.g. a named fork", () => {
    const restore = setGlobalSeed(createRng(42).fork("Math.random"));
    const value = Math.random();
    restore();
    expect(value).toBe(createRng(42).fork("Math.random").next());
  });

  it("restores the previous Math.random", () => {
    const original = Math.random;
    const restore = setGlobalSeed(1);
    expect(Math.random).not.toBe(original);
    restore();
    restore();
    expect(Math.random).toBe(original);
  });

  it("unwinds nested seeds in order", () => {
    const original = Math.random;
    const outer = setGlobalSeed(1);
    const outerRandom = Math.random;
    const inner = setGlobalSeed(2);
    inner();
    expect(Math.random).toBe(outerRandom);
    outer();
    expect(Math.random).toBe(original);
  });

  it("rejects an invalid seed without patching", () => {
    const original = Math.random;
    expect(() => setGlobalSeed(-1)).toThrow(expect.objectContaining({ code: "CONFIG" }));
    expect(Math.random).toBe(original);
  });
});
