import { describe, expect, it } from "vitest";
import { z } from "zod";
import { findUnknownKeys } from "./unknown-keys";
import type { SchemaLike } from "./zod-def";

const unknownOf = (schema: z.ZodType, input: unknown) =>
  findUnknownKeys(schema as unknown as SchemaLike, input);
const at = (path: PropertyKey[], key: string, known: string[], suggestions: string[] = []) => ({
  path,
  key,
  suggestions,
  known,
});

const Item = z.object({ a: z.number() });

describe("findUnknownKeys", () => {
  it.each<[string, z.ZodType, unknown]>([
    ["an array for an object", Item, [{ zz: 1 }]],
    ["a string for an object", Item, "zz"],
    ["null for an object", z.object({ inner: Item }), { inner: null }],
    ["an object for an array", z.array(Item), { zz: 1 }],
    ["an object for an open value", z.object({ meta: z.unknown() }), { meta: { zz: { y: 1 } } }],
    ["an object for a map", z.object({ m: z.map(z.string(), Item) }), { m: { k: { zz: 1 } } }],
    ["an object for a tuple", z.tuple([Item]), { 0: { zz: 1 } }],
    ["an object for a number", z.object({ n: z.number() }), { n: { zz: 1 } }],
  ])("finds nothing in %s", (_, schema, input) => {
    expect(unknownOf(schema, input)).toEqual([]);
  });

  it("walks array items by index", () => {
    expect(unknownOf(z.array(Item), [{ a: 1 }, { a: 2, zz: 3 }])).toEqual([at([1], "zz", ["a"])]);
  });

  it("walks tuple items, then the rest schema, and skips items with no schema", () => {
    const Rest = z.object({ b: z.number() });
    expect(unknownOf(z.tuple([Item], Rest), [{ zz: 1 }, { yy: 2 }, { xx: 3 }])).toEqual([
      at([0], "zz", ["a"]),
      at([1], "yy", ["b"]),
      at([2], "xx", ["b"]),
    ]);
    expect(unknownOf(z.tuple([Item]), [{ a: 1, zz: 1 }, { yy: 2 }])).toEqual([
      at([0], "zz", ["a"]),
    ]);
  });

  it("walks the union option that accepts the value", () => {
    const schema = z.object({
      mode: z.union([z.object({ fastMs: z.number() }), z.object({ slowMs: z.number() })]),
    });
    expect(unknownOf(schema, { mode: { slowMs: 1, zz: 2 } })).toEqual([
      at(["mode"], "zz", ["slowMs"]),
    ]);
  });

  it("walks the first object-shaped option when no option accepts the value", () => {
    const schema = z.union([z.string(), z.object({ b: z.string() }), z.object({ c: z.number() })]);
    expect(unknownOf(schema, { c: "x", zz: 1 })).toEqual([
      at([], "c", ["b"], ["b"]),
      at([], "zz", ["b"]),
    ]);
    expect(unknownOf(z.union([z.string(), z.number()]), { zz: 1 })).toEqual([]);
  });

  it("visits a value only once, so a cycle ends", () => {
    const Node = z.object({
      name: z.string(),
      get next() {
        return Node.optional();
      },
    });
    const a: Record<string, unknown> = { name: "a", nmae: 1 };
    a.next = a;
    expect(unknownOf(Node, a)).toEqual([at([], "nmae", ["name", "next"], ["name"])]);
  });

  it("reads containers by their type, not by the fields they carry", () => {
    const def = (d: Record<string, unknown>) => ({ _zod: { def: d } }) as unknown as z.ZodType;
    for (const [d, input] of [
      [{ type: "custom", options: [Item] }, { zz: 1 }],
      [{ type: "union" }, { zz: 1 }],
      [{ type: "custom", element: Item }, [{ zz: 1 }]],
      [{ type: "array" }, [{ zz: 1 }]],
      [{ type: "custom", rest: Item }, [{ zz: 1 }]],
    ] as const)
      expect(unknownOf(def(d), input)).toEqual([]);
  });
});
