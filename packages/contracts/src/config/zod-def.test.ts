import { describe, expect, it } from "vitest";
import { z } from "zod";
import { isSchemaLike, objectView, unwrap, type SchemaLike } from "./zod-def";

const like = (schema: z.ZodType) => schema as unknown as SchemaLike;
const viewOf = (schema: z.ZodType) => objectView(like(schema));
const keysOf = (schema: z.ZodType) => Object.keys(viewOf(schema)?.shape ?? {});

const O = z.object({ a: z.number() });

// `O` inside `n` optional wrappers.
const wrapped = (n: number): z.ZodType => {
  let schema: z.ZodType = O;
  for (let i = 0; i < n; i++) schema = schema.optional();
  return schema;
};

describe("isSchemaLike", () => {
  it.each([null, undefined, 42, {}, { _zod: null }, { _zod: {} }, { _zod: { def: { type: 1 } } }])(
    "rejects %j",
    (value) => {
      expect(isSchemaLike(value)).toBe(false);
    },
  );

  it("accepts a zod 4 schema", () => {
    expect(isSchemaLike(O)).toBe(true);
  });
});

describe("unwrap", () => {
  it.each<[string, z.ZodType]>([
    ["optional", O.optional()],
    ["nullable", O.nullable()],
    ["default", O.default({ a: 1 })],
    ["prefault", O.prefault({ a: 1 })],
    ["readonly", O.readonly()],
    ["catch", O.catch({ a: 1 })],
    ["nonoptional", O.optional().nonoptional()],
    ["success", z.success(O)],
    ["a pipe's input", O.transform((v) => v)],
    ["lazy", z.lazy(() => O)],
    ["nested wrappers", z.lazy(() => O.nullable()).optional()],
  ])("strips %s", (_, schema) => {
    expect(unwrap(like(schema))).toBe(O);
  });

  it("leaves other schemas alone", () => {
    const promise = z.promise(O);
    expect(unwrap(like(promise))).toBe(promise);
    expect(keysOf(promise)).toEqual([]);
  });

  it("strips 33 wrappers and stops there", () => {
    expect(keysOf(wrapped(33))).toEqual(["a"]);
    expect(viewOf(wrapped(34))).toBeUndefined();
  });

  it("ends on schemas that wrap themselves", () => {
    const self: z.ZodType = z.lazy(() => self);
    const optional: z.ZodType = z.lazy(() => optional.optional());
    const piped: z.ZodType = z.lazy(() => piped.transform((v) => v));
    for (const schema of [self, optional, piped]) expect(viewOf(schema)).toBeUndefined();
  });
});

describe("objectView", () => {
  it.each<[string, z.ZodType, boolean]>([
    ["a default object", O, false],
    ["a strict object", z.strictObject({ a: z.number() }), false],
    ["a loose object", z.looseObject({ a: z.number() }), true],
    ["an object with a catchall", O.catchall(z.string()), true],
  ])("reads %s", (_, schema, loose) => {
    expect(viewOf(schema)).toEqual({ shape: { a: expect.anything() }, loose });
  });

  it("merges the shapes of an intersection, loose when either side is", () => {
    const B = z.object({ b: z.string() });
    const view = viewOf(z.intersection(O, B));
    expect(Object.keys(view?.shape ?? {})).toEqual(["a", "b"]);
    expect(view?.loose).toBe(false);
    expect(viewOf(z.intersection(O, B.loose()))?.loose).toBe(true);
    expect(viewOf(z.intersection(O.loose(), B))?.loose).toBe(true);
  });

  it("has no view of a non-object or an intersection with one", () => {
    expect(viewOf(z.array(O))).toBeUndefined();
    expect(viewOf(z.intersection(O, z.string()))).toBeUndefined();
    expect(viewOf(z.intersection(z.string(), O))).toBeUndefined();
  });
});

// A hand-made def (what another zod build or a future schema type might carry).
const def = (d: Record<string, unknown>) => ({ _zod: { def: d } }) as unknown as SchemaLike;

describe("a def read by its type", () => {
  it.each<[string, Record<string, unknown>]>([
    ["an input", { type: "custom", in: O }],
    ["a getter", { type: "custom", getter: () => O }],
    ["a shape", { type: "custom", shape: { a: O } }],
    ["an intersection's sides", { type: "custom", left: O, right: O }],
    ["a right side", { type: "custom", right: O }],
  ])("is not unwrapped or viewed for %s alone", (_, d) => {
    const schema = def(d);
    expect(unwrap(schema)).toBe(schema);
    expect(objectView(schema)).toBeUndefined();
  });

  it.each([
    { type: "pipe" },
    { type: "lazy" },
    { type: "object" },
    { type: "intersection", left: O },
  ])("is left alone when it lacks its fields: %j", (d) => {
    const schema = def(d);
    expect(unwrap(schema)).toBe(schema);
    expect(objectView(schema)).toBeUndefined();
  });
});
