import { runInNewContext } from "node:vm";
import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { stableStringify } from "./stable-stringify";

const pathOf = (value: unknown): unknown => {
  try {
    stableStringify(value);
  } catch (error) {
    return (error as { code: string; context: { path: string } }).code === "CONFIG"
      ? (error as { context: { path: string } }).context.path
      : error;
  }
  return undefined;
};

describe("stableStringify", () => {
  it("escapes strings as JSON.stringify does", () => {
    const text = 'a\u0000\u001f"\\\b\f\n\r\t/é😀\u2028';
    expect(stableStringify(text)).toBe(JSON.stringify(text));
  });

  test.prop([fc.jsonValue()])("parses back to the same JSON value", (value) => {
    expect(JSON.parse(stableStringify(value))).toEqual(JSON.parse(JSON.stringify(value)));
  });

  // A deliberately naive JCS printer: the fast path must always agree with it.
  const reference = (value: unknown): string => {
    if (typeof value !== "object" || value === null) return JSON.stringify(value);
    if (Array.isArray(value)) return `[${value.map(reference).join(",")}]`;
    const record = value as Record<string, unknown>;
    const keys = Object.keys(record).sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${reference(record[k])}`).join(",")}}`;
  };

  test.prop([fc.jsonValue()], { numRuns: 300 })("agrees with a naive sorted printer", (value) => {
    expect(stableStringify(value)).toBe(reference(value));
  });

  test.prop([
    fc.dictionary(fc.oneof(fc.nat().map(String), fc.string()), fc.jsonValue({ maxDepth: 2 })),
  ])("agrees with a naive sorted printer on integer-like keys", (dict) => {
    expect(stableStringify(dict)).toBe(reference(dict));
  });

  test.prop([fc.dictionary(fc.string(), fc.integer(), { maxKeys: 12 })])(
    "ignores key insertion order",
    (dict) => {
      const reversed = Object.fromEntries(Object.entries(dict).reverse());
      expect(stableStringify(reversed)).toBe(stableStringify(dict));
    },
  );

  it("serialises __proto__ keys as data", () => {
    const parsed: unknown = JSON.parse('{"b":1,"__proto__":{"x":1}}');
    expect(stableStringify(parsed)).toBe('{"__proto__":{"x":1},"b":1}');
    expect(stableStringify(JSON.parse('{"__proto__":1}'))).toBe('{"__proto__":1}');
    expect(stableStringify(JSON.parse('{"__proto__":1}'))).not.toBe(stableStringify({}));
  });

  it("accepts shared references, null-prototype and cross-realm objects", () => {
    const shared = { a: 1 };
    const bare = Object.assign(Object.create(null) as object, { z: 1 });
    expect(stableStringify([shared, shared, bare])).toBe('[{"a":1},{"a":1},{"z":1}]');
    expect(stableStringify(runInNewContext("({ b: [1], a: {} })"))).toBe('{"a":{},"b":[1]}');
  });

  it.each([
    ["undefined", { a: { b: [1, 2, undefined] } }, "$.a.b[2]"],
    ["a function", { f: () => 1 }, "$.f"],
    ["a symbol", [Symbol("s")], "$[0]"],
    ["a bigint", { n: 1n }, "$.n"],
    ["NaN", { x: [0, NaN] }, "$.x[1]"],
    ["Infinity", { "odd key": -Infinity }, '$["odd key"]'],
    ["a Date", { when: new Date(0) }, "$.when"],
    ["a Map", { m: new Map() }, "$.m"],
    // eslint-disable-next-line no-sparse-arrays -- the hole is the input under test
    ["a hole", { h: [1, , 3] }, "$.h[1]"],
    ["a lone surrogate", { s: "\ud800" }, "$.s"],
    ["a lone surrogate key", { "\udc00": 1 }, '$["\\udc00"]'],
  ])("rejects %s with a ConfigError naming its path", (_name, value, path) => {
    expect(pathOf(value)).toBe(path);
  });

  it("rejects hidden or inherited toJSON methods that JSON.stringify would call", () => {
    const hidden = Object.defineProperty({ a: 1 }, "toJSON", { value: () => "x" });
    const list = Object.assign([1], { toJSON: () => "x" });
    expect(pathOf({ hidden })).toBe("$.hidden");
    expect(pathOf([0, list])).toBe("$[1]");
  });

  it("skips symbol-keyed properties, as JSON.stringify does", () => {
    expect(stableStringify({ [Symbol("k")]: 1, a: 1 })).toBe('{"a":1}');
  });

  it("sorts integer-like keys as strings", () => {
    expect(stableStringify({ 10: "a", 9: "b", 1: { 2: 0, 10: 0 }, "-x": 1, b: [] })).toBe(
      '{"-x":1,"1":{"10":0,"2":0},"10":"a","9":"b","b":[]}',
    );
    expect(stableStringify({ 1: "a", 2: "b" })).toBe('{"1":"a","2":"b"}');
    // The sorted printer's own null and multi-item array paths.
    expect(stableStringify({ b: null, 10: [1, null, { 9: 0, a: 0 }], 9: 3 })).toBe(
      '{"10":[1,null,{"9":0,"a":0}],"9":3,"b":null}',
    );
  });

  it("handles nesting deeper than the fast pass and finds a deep cycle", () => {
    let deep: unknown = 1;
    for (let i = 0; i < 300; i++) deep = { d: [deep] };
    expect(stableStringify(deep)).toBe(JSON.stringify(deep));
    const ring: { next?: unknown } = {};
    let node: { next?: unknown } = ring;
    for (let i = 0; i < 150; i++) node = node.next = {};
    node.next = ring;
    expect(pathOf(ring)).toBe(`$${".next".repeat(151)}`);
  });

  it("rejects a cycle, naming where it closes", () => {
    const root: { a: { b: unknown[] } } = { a: { b: [] } };
    root.a.b.push(root);
    expect(pathOf(root)).toBe("$.a.b[0]");
  });

  it("gives a message and a hint", () => {
    expect(() => stableStringify({ a: undefined })).toThrow(
      expect.objectContaining({
        message: "Cannot canonicalise $.a: undefined is not a JSON value",
        hint: expect.stringContaining("null"),
      }),
    );
  });
});
