import { describe, expect, it } from "vitest";
import { configRefusal } from "../__fixtures__/refusal";
import { legacyPythonStringify } from "./legacy-python-hash";

/** `depth` arrays around `inner`: the innermost value sits at a path of `depth` indexes. */
const nest = (depth: number, inner: unknown): unknown => {
  let value = inner;
  for (let i = 0; i < depth; i++) value = [value];
  return value;
};

describe("legacyPythonStringify edges", () => {
  it("prints false", () => {
    expect(legacyPythonStringify({ a: false, b: true })).toBe('{"a":false,"b":true}');
  });

  it("makes floats only of the numbers at the given paths", () => {
    expect(legacyPythonStringify({ a: 1, b: 2 }, { floatPaths: ["$.a"] })).toBe('{"a":1.0,"b":2}');
    expect(legacyPythonStringify({ a: [1, 2], b: [3] }, { floatPaths: ["$.a[*]"] })).toBe(
      '{"a":[1.0,2.0],"b":[3]}',
    );
  });

  it("takes objects 200 levels below the root and refuses one level more", () => {
    expect(legacyPythonStringify(nest(200, []))).toBe(`${"[".repeat(201)}${"]".repeat(201)}`);
    const error = configRefusal(() => legacyPythonStringify(nest(201, {})));
    expect(error.message).toMatch(
      /^Cannot hash \$(\[0\]){201} the legacy way: nesting is too deep/,
    );
    expect(error.hint).toBe("Remove the cycle");
    expect(error.cause).toBeUndefined();
    expect(Object.hasOwn(error, "cause")).toBe(false);
  });

  it("refuses a cycle as too deep", () => {
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    const error = configRefusal(() => legacyPythonStringify(cyclic));
    expect(error.message).toMatch(/the legacy way: nesting is too deep \(or a cycle\)$/);
  });

  it("names a value that is not JSON, even deep down", () => {
    const error = configRefusal(() => legacyPythonStringify(nest(201, undefined)));
    expect(error.message).toMatch(/the legacy way: undefined is not JSON serializable$/);
    expect(error.hint).toBe("Pass plain JSON data");
    expect(configRefusal(() => legacyPythonStringify({ at: new Date(0) })).message).toBe(
      "Cannot hash $.at the legacy way: Date is not JSON serializable",
    );
  });
});
