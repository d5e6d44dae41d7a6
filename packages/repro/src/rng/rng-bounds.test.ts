import { describe, expect, it } from "vitest";
import { configRefusal as refusal } from "../__fixtures__/refusal";
import { createRng, restoreRng } from "./rng";
import { RNG_ALGORITHM } from "./xoshiro128";

/** The first 32-bit outputs of seed 0 (pinned in rng.test.ts). */
const SEED0 = [4290955764, 895710068, 1860523728];

describe("rng.int ranges", () => {
  it("uses one 32-bit draw up to a range of 2^32", () => {
    expect(createRng(0).int(0, 2 ** 32 - 1)).toBe(SEED0[0]);
    expect(createRng(0).int(10, 2 ** 32 + 9)).toBe(SEED0[0]! + 10);
  });

  it("throws away a draw in the incomplete last block", () => {
    // Range 2^31 + 1: draws at or above 2^31 + 1 are rejected, so the first (4290955764) is.
    expect(createRng(0).int(0, 2 ** 31)).toBe(SEED0[1]);
    expect(createRng(0).int(1, 6)).toBe(1 + (SEED0[0]! % 6));
  });

  it("combines two draws (21 + 32 bits) above 2^32", () => {
    const range = 2 ** 40 + 1;
    const x = (BigInt(SEED0[0]! >>> 11) << 32n) + BigInt(SEED0[1]!);
    const limit = 2n ** 53n - (2n ** 53n % BigInt(range));
    expect(x < limit).toBe(true);
    expect(createRng(0).int(0, 2 ** 40)).toBe(Number(x % BigInt(range)));
    expect(createRng(0).int(0, 2 ** 32)).toBe(Number(x % (2n ** 32n + 1n)));
  });

  it("rejects a 32-bit draw equal to the limit", () => {
    // With the first draw (4290955764 > 2^31) as the range, the limit is that draw itself.
    const range = SEED0[0]!;
    expect(2 ** 32 - (2 ** 32 % range)).toBe(range);
    expect(createRng(0).int(0, range - 1)).toBe(SEED0[1]);
  });

  it("rejects a 53-bit draw equal to the limit", () => {
    const raw = createRng(0);
    const draw = () => (BigInt(raw.nextUint32() >>> 11) << 32n) + BigInt(raw.nextUint32());
    const [first, second] = [draw(), draw()];
    expect(2n ** 53n - (2n ** 53n % first)).toBe(first);
    expect(second < first).toBe(true);
    expect(createRng(0).int(0, Number(first) - 1)).toBe(Number(second));
  });

  it("accepts the widest range, max - min = 2^53 - 1", () => {
    const value = createRng(0).int(-(2 ** 52), 2 ** 52 - 1);
    expect(value).toBeGreaterThanOrEqual(-(2 ** 52));
    expect(value).toBeLessThanOrEqual(2 ** 52 - 1);
  });

  it.each([
    [1.5, 2, "min and max must be safe integers"],
    [0, 2 ** 53, "min and max must be safe integers"],
    [3, 1, "min must not exceed max"],
    [-(2 ** 52), 2 ** 52, "max - min must be below 2^53"],
  ])("refuses int(%s, %s): %s", (min, max, reason) => {
    const error = refusal(() => createRng(1).int(min, max));
    expect(error.message).toBe(`rng.int(${min}, ${max}): ${reason}`);
    expect(error.hint).toBe("Pass two safe integers with min ≤ max, e.g. rng.int(1, 6)");
    expect(error.context).toEqual({ min, max });
  });
});

describe("rng.normal arguments", () => {
  it("returns the mean when sd is 0 and draws two values per sample", () => {
    const rng = createRng(3);
    expect(rng.normal(5, 0)).toBe(5);
    const twin = createRng(3);
    twin.next();
    twin.next();
    expect(rng.next()).toBe(twin.next());
  });

  it.each([
    [Number.NaN, 1],
    [Number.POSITIVE_INFINITY, 1],
    [0, Number.POSITIVE_INFINITY],
    [0, -1],
  ])("refuses mean %s, sd %s", (mean, sd) => {
    const error = refusal(() => createRng(1).normal(mean, sd));
    expect(error.message).toBe(`rng.normal(mean, sd) got mean ${mean}, sd ${sd}`);
    expect(error.hint).toBe("Pass a finite mean and a finite, non-negative standard deviation");
    expect(error.context).toEqual({ mean, sd });
  });
});

describe("rng.fork and state", () => {
  it("derives a fork from the parent's material and the quoted name", () => {
    expect(createRng(1).fork("w").state().material).toBe('i:1/"w"');
    expect(createRng("s").fork("a").fork("b").state().material).toBe('s:s/"a"/"b"');
  });

  it.each([[""], [5], [undefined]])("refuses the fork name %j", (name) => {
    const error = refusal(() => createRng(1).fork(name as never));
    expect(error.message).toBe("rng.fork(name) needs a non-empty string");
    expect(error.hint).toBe('Name the stream, e.g. rng.fork("worker-1")');
    expect(error.context).toEqual({ name: String(name) });
  });

  it("returns a snapshot that later draws do not change", () => {
    const rng = createRng(1);
    const state = rng.state();
    const words = [...state.words];
    rng.next();
    expect(state.words).toEqual(words);
    expect(state).toEqual({ algorithm: RNG_ALGORITHM, material: "i:1", words });
  });
});

describe("restoreRng checks", () => {
  const good = () => createRng(1).state();

  it("accepts words at both ends of the 32-bit range", () => {
    const state = { ...good(), words: [0, 0, 0, 0xffff_ffff] as const };
    expect(restoreRng(state).state().words).toEqual([0, 0, 0, 0xffff_ffff]);
  });

  it.each([
    ["another algorithm", { algorithm: "mt19937" }],
    ["a material that is not text", { material: 1 }],
    ["three words", { words: [1, 2, 3] }],
    ["words that are not an array", { words: "1,2,3,4" }],
    ["a word above 32 bits", { words: [1, 2, 3, 2 ** 32] }],
    ["a negative word", { words: [1, 2, 3, -1] }],
    ["a fractional word", { words: [1, 2, 3, 1.5] }],
    ["an all-zero state", { words: [0, 0, 0, 0] }],
  ])("refuses %s", (_what, edit) => {
    const error = refusal(() => restoreRng({ ...good(), ...edit } as never));
    expect(error.message).toBe("Invalid RNG state");
    expect(error.hint).toBe(
      `Pass an object returned by rng.state() (algorithm "${RNG_ALGORITHM}")`,
    );
  });

  it("names the algorithm it was given, even for no snapshot at all", () => {
    expect(refusal(() => restoreRng({ ...good(), algorithm: "x" })).context).toEqual({
      algorithm: "x",
    });
    expect(refusal(() => restoreRng(null as never)).context).toEqual({ algorithm: "undefined" });
  });
});
