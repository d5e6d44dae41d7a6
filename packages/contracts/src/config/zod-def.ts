/** The slice of zod 4's internal schema definition (`schema._zod.def`) the key walk reads. */
export interface ZodDefLike {
  type: string;
  shape?: Readonly<Record<string, SchemaLike>>;
  catchall?: SchemaLike;
  innerType?: SchemaLike;
  in?: SchemaLike;
  element?: SchemaLike;
  valueType?: SchemaLike;
  items?: readonly SchemaLike[];
  rest?: SchemaLike | null;
  options?: readonly SchemaLike[];
  left?: SchemaLike;
  right?: SchemaLike;
  getter?: () => SchemaLike;
}

/** Any zod 4 schema, seen structurally. */
export interface SchemaLike {
  _zod: { def: ZodDefLike };
  safeParse: (input: unknown) => { success: boolean };
}

/** True for a zod 4 schema (classic or mini). */
export const isSchemaLike = (value: unknown): value is SchemaLike => {
  const zod = (value as { _zod?: { def?: { type?: unknown } } } | null)?._zod;
  return typeof zod?.def?.type === "string";
};

const WRAPPERS = new Set([
  "optional",
  "nullable",
  "default",
  "prefault",
  "readonly",
  "catch",
  "nonoptional",
  "success",
]);

/** Strips wrappers (optional, default, pipe input, lazy…) down to the schema that judges shape. */
export const unwrap = (schema: SchemaLike, depth = 0): SchemaLike => {
  const def = schema._zod.def;
  if (depth > 32) return schema;
  if (WRAPPERS.has(def.type) && def.innerType) return unwrap(def.innerType, depth + 1);
  if (def.type === "pipe" && def.in) return unwrap(def.in, depth + 1);
  if (def.type === "lazy" && def.getter) return unwrap(def.getter(), depth + 1);
  return schema;
};

/** An object's keys and their schemas, and whether it accepts unknown keys (loose/catchall). */
export interface ObjectView {
  shape: Readonly<Record<string, SchemaLike>>;
  loose: boolean;
}

/** The object view of a schema (objects, and intersections of objects), if it is one. */
export const objectView = (schema: SchemaLike): ObjectView | undefined => {
  const def = unwrap(schema)._zod.def;
  if (def.type === "object" && def.shape) {
    const catchall = def.catchall?._zod.def.type;
    return { shape: def.shape, loose: catchall !== undefined && catchall !== "never" };
  }
  if (def.type === "intersection" && def.left && def.right) {
    const l = objectView(def.left);
    const r = objectView(def.right);
    if (l && r) return { shape: { ...l.shape, ...r.shape }, loose: l.loose || r.loose };
  }
  return undefined;
};
