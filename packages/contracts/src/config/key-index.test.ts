import { describe, expect, it } from "vitest";
import { z } from "zod";
import { declaredKeyPaths } from "./key-index";
import type { SchemaLike } from "./zod-def";

// z.object({ k1: z.object({ k2: … { k<n>: z.number() } }) }), n levels deep.
const nested = (n: number): z.ZodType => {
  let schema: z.ZodType = z.number();
  for (let i = n; i >= 1; i--) schema = z.object({ [`k${i}`]: schema });
  return schema;
};

const pathsOf = (schema: z.ZodType) => declaredKeyPaths(schema as unknown as SchemaLike);
const asObject = (schema: z.ZodType) => Object.fromEntries(pathsOf(schema));

describe("declaredKeyPaths", () => {
  it("maps each key to the paths that declare it, through wrappers", () => {
    const schema = z.object({
      risk: z.object({ drift: z.number() }).optional(),
      entropy: z.object({ drift: z.number().default(0) }).nullable(),
    });
    expect(asObject(schema)).toEqual({
      risk: ["risk"],
      drift: ["risk.drift", "entropy.drift"],
      entropy: ["entropy"],
    });
  });

  it("reaches array items at [0] and record values at any key", () => {
    const schema = z.object({
      legs: z.array(z.object({ symbol: z.string() })).default([]),
      tags: z.record(z.string(), z.object({ on: z.boolean() })),
    });
    expect(asObject(schema)).toEqual({
      legs: ["legs"],
      symbol: ["legs[0].symbol"],
      tags: ["tags"],
      on: ['tags["*"].on'],
    });
  });

  it("puts a union's keys at the union's own level, once each", () => {
    const schema = z.object({
      mode: z.union([
        z.object({ type: z.literal("fast"), fastMs: z.number() }),
        z.object({ type: z.literal("slow"), slowMs: z.number() }),
      ]),
    });
    expect(asObject(schema)).toEqual({
      mode: ["mode"],
      type: ["mode.type"],
      fastMs: ["mode.fastMs"],
      slowMs: ["mode.slowMs"],
    });
  });

  it("stops seven levels down", () => {
    const keys = [...pathsOf(nested(8)).keys()];
    expect(keys).toEqual(["k1", "k2", "k3", "k4", "k5", "k6", "k7"]);
    expect(pathsOf(nested(8)).get("k7")).toEqual(["k1.k2.k3.k4.k5.k6.k7"]);
  });

  it("ends on recursive schemas", () => {
    const Node = z.object({
      name: z.string(),
      get children() {
        return z.array(Node);
      },
    });
    const Loop: z.ZodType = z.lazy(() => z.union([z.string(), Loop]));
    expect(pathsOf(Node).get("name")?.slice(0, 2)).toEqual(["name", "children[0].name"]);
    expect(pathsOf(Loop).size).toBe(0);
  });

  it("reads containers by their type, not by the fields they carry", () => {
    const Item = z.object({ x: z.number() });
    const def = (d: Record<string, unknown>) => ({ _zod: { def: d } }) as unknown as z.ZodType;
    for (const inner of [
      z.map(z.string(), Item),
      z.set(Item),
      def({ type: "custom", element: Item }),
      def({ type: "custom", options: [Item] }),
      def({ type: "array" }),
      def({ type: "record" }),
      def({ type: "union" }),
    ])
      expect([...pathsOf(z.object({ m: inner })).keys()]).toEqual(["m"]);
  });
});
