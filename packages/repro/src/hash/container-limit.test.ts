import { describe, expect, it } from "vitest";
import { toCanonicalTree } from "./canonical-tree";
import { PathFailure } from "./json-path";

// The container limit with a lowered limit of 1,000: the same check, message and hint as the
// public limit of 1,000,000 (container-limit-million.test.ts), at a thousandth of the work.
const LIMIT = 1_000;

/** An array holding `count` references to one empty object: 1 + count containers. */
const sharedLeaves = (count: number): unknown[] => {
  const leaf = {};
  return Array.from({ length: count }, () => leaf);
};

/** `inner` wrapped in `levels` objects `{ d: … }`: deeper than the fast pass when levels > 100. */
const wrapped = (inner: unknown, levels: number): unknown => {
  let value = inner;
  for (let i = 0; i < levels; i++) value = { d: value };
  return value;
};

const failureOf = (run: () => unknown): PathFailure => {
  try {
    run();
  } catch (error) {
    if (error instanceof PathFailure) return error;
    throw error;
  }
  throw new Error("expected a PathFailure");
};

describe("toCanonicalTree's container limit", () => {
  it("accepts exactly the limit, counting each shared reference", () => {
    const value = sharedLeaves(LIMIT - 1);
    expect(toCanonicalTree(value, LIMIT).tree).toBe(value);
    expect(toCanonicalTree(sharedLeaves(LIMIT)).tree).toHaveLength(LIMIT); // default: a million
  });

  it("refuses one container more at the first one past the limit, naming the limit", () => {
    const failure = failureOf(() => toCanonicalTree(sharedLeaves(LIMIT), LIMIT));
    expect(failure.reason).toBe(
      "the value has more than 1,000 objects and arrays (shared references count each time)",
    );
    expect(failure.hint).toBe(
      "Hash a digest of large data (e.g. a file's checksum) instead, or share fewer references",
    );
    expect(failure.path()).toBe(`$[${LIMIT - 1}]`);
  });

  it("counts afresh in the careful pass that deep values take", () => {
    // 150 wrappers + the array + its leaves; the fast pass gave up at depth 101.
    const fits = wrapped(sharedLeaves(LIMIT - 151), 150);
    expect(toCanonicalTree(fits, LIMIT).tree).toBe(fits);
    const failure = failureOf(() =>
      toCanonicalTree(wrapped(sharedLeaves(LIMIT - 150), 150), LIMIT),
    );
    expect(failure.reason).toMatch(/^the value has more than 1,000 objects and arrays/);
    expect(failure.path()).toBe(`$${".d".repeat(150)}[${LIMIT - 151}]`);
  });
});
