import { describe, expect, it } from "vitest";
import { configRefusal as refusal } from "../__fixtures__/refusal";
import { toCanonicalTree } from "./canonical-tree";
import { stableHash } from "./stable-hash";
import { stableStringify } from "./stable-stringify";

describe("toCanonicalTree copies", () => {
  it("returns sorted data as it is", () => {
    const value = { a: [1, { b: 2, c: "x" }], d: null };
    const canonical = toCanonicalTree(value);
    expect(canonical).toEqual({ tree: value, ordered: true });
    expect(canonical.tree).toBe(value);
  });

  it("copies only what is out of order and its ancestors", () => {
    const sortedChild = { x: 1 };
    const list = [sortedChild, { b: 1, a: 2 }];
    const value = { a: list, z: sortedChild };
    const { tree } = toCanonicalTree(value) as { tree: { a: unknown[]; z: unknown } };
    expect(tree).not.toBe(value);
    expect(tree.a).not.toBe(list);
    expect(tree.a[0]).toBe(sortedChild);
    expect(Object.keys(tree.a[1] as object)).toEqual(["a", "b"]);
    expect(tree.z).toBe(sortedChild);
    expect(Object.keys(toCanonicalTree({ b: 1, a: { d: 1, c: 2 } }).tree as object)).toEqual([
      "a",
      "b",
    ]);
  });

  it("copies the keys before a changed child in order", () => {
    const { tree } = toCanonicalTree({ a: 1, b: 2, c: { z: 1, y: 2 }, d: 4 });
    expect(JSON.stringify(tree)).toBe('{"a":1,"b":2,"c":{"y":2,"z":1},"d":4}');
  });

  it("says when integer-like keys keep it from JCS order", () => {
    expect(toCanonicalTree({ b: 1, 10: 2, 9: 3 }).ordered).toBe(false);
    expect(toCanonicalTree({ 1: 2, 9: 3 }).ordered).toBe(true);
    expect(toCanonicalTree({ b: 1, a: 2 }).ordered).toBe(true);
  });
});

describe("stableStringify messages", () => {
  it.each([
    [{ s: "\ud800" }, "$.s: the string has a lone surrogate", "Use well-formed Unicode text"],
    [{ n: Number.NaN }, "$.n: NaN is not valid JSON", "Use null or a finite number"],
    [
      { n: 1n },
      "$.n: bigint is not a JSON value",
      "Convert the bigint to a string (or a number if it is a safe integer)",
    ],
    [{ u: undefined }, "$.u: undefined is not a JSON value", "Remove the key or use null"],
    [[1, undefined], "$[1]: undefined is not a JSON value", "Remove the key or use null"],
    [
      { f: () => 1 },
      "$.f: function is not a JSON value",
      "Only null, booleans, finite numbers, strings, arrays and plain objects are allowed",
    ],
    // eslint-disable-next-line no-sparse-arrays -- the hole is the input under test
    [[1, , 2], "$[1]: array hole", "Fill the hole, e.g. with null"],
    [
      { d: new Map() },
      "$.d: Map is not a plain object",
      "Convert it first (a Date to an ISO string, a Map to an object, a Set to a sorted array)",
    ],
    [
      { t: { toJSON: () => 1 } },
      "$.t: the value has a toJSON method",
      "Convert it to plain data first",
    ],
    [{ "\udc00": 1 }, '$["\\udc00"]: the key has a lone surrogate', "Use well-formed keys"],
  ])("refuses case %#", (value, message, hint) => {
    const error = refusal(() => stableStringify(value));
    expect(error.message).toBe(`Cannot canonicalise ${message}`);
    expect(error.hint).toBe(hint);
    expect("cause" in error).toBe(false);
  });

  it("names a cycle and how to fix it", () => {
    const loop: Record<string, unknown> = {};
    loop.self = loop;
    const error = refusal(() => stableStringify(loop));
    expect(error.message).toBe(
      "Cannot canonicalise $.self: a cycle leads back to an enclosing value",
    );
    expect(error.hint).toBe("Remove the cycle");
  });

  it("shortens a long path in the message and keeps it whole in the context", () => {
    const key = "k".repeat(130);
    const error = refusal(() => stableStringify({ [key]: undefined }));
    expect(error.message).toBe(
      `Cannot canonicalise ${`$.${key}`.slice(0, 120)}…: undefined is not a JSON value`,
    );
    expect(error.context).toEqual({ path: `$.${key}` });
    const fits = "k".repeat(118);
    expect(refusal(() => stableStringify({ [fits]: undefined })).message).toBe(
      `Cannot canonicalise $.${fits}: undefined is not a JSON value`,
    );
  });

  it("refuses nesting one level past 1000 and names the limits in the hint", () => {
    let value: unknown = 1;
    for (let i = 0; i < 1001; i++) value = [value];
    const error = refusal(() => stableStringify(value));
    expect(error.message).toMatch(/: the value nests deeper than 1000 levels$/);
    expect(error.hint).toBe(
      "Flatten the data: canonical JSON accepts at most 1000 levels of nesting",
    );
  });
});

describe("stableHash options", () => {
  it("names an unknown algorithm and the ones it knows", () => {
    const error = refusal(() => stableHash({}, { algorithm: "md5" as never }));
    expect(error.message).toBe('Unknown hash algorithm "md5"');
    expect(error.hint).toBe("Use one of sha256, sha384, sha512");
    expect(error.context).toEqual({ algorithm: "md5" });
  });

  it("refuses an unknown option and gives the short form only for short: true", () => {
    expect(refusal(() => stableHash({}, { shrot: true } as never)).message).toBe(
      "stableHash: unknown option `shrot`",
    );
    expect(stableHash({}, { short: "yes" as never })).toHaveLength(64);
    expect(stableHash({}, { algorithm: "sha512" })).toHaveLength(128);
  });
});

describe("toCanonicalTree passes", () => {
  it("says a deep sorted value is ordered after the careful pass", () => {
    let value: unknown = { a: 1, b: [2] };
    for (let i = 0; i < 150; i++) value = { d: value };
    expect(toCanonicalTree(value)).toEqual({ tree: value, ordered: true });
  });

  it("reads each value once, so a getter that throws only the first time is refused", () => {
    let reads = 0;
    const value = Object.defineProperty({}, "flaky", {
      enumerable: true,
      get: () => {
        reads++;
        if (reads === 1) throw new Error("first read");
        return 1;
      },
    });
    const error = refusal(() => stableStringify(value));
    expect(error.message).toBe("Cannot canonicalise $.flaky: reading the value threw: first read");
    expect(reads).toBe(1);
  });

  it("keeps the copy of every changed child, not only the last", () => {
    const { tree } = toCanonicalTree({ a: { z: 1, y: 2 }, b: { d: 1, c: 2 }, e: 5 });
    expect(JSON.stringify(tree)).toBe('{"a":{"y":2,"z":1},"b":{"c":2,"d":1},"e":5}');
  });
});
