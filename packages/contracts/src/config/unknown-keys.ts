import { closestMatches } from "@peak/errors";
import { objectView, unwrap, type SchemaLike } from "./zod-def";

/** An input key that no schema at that level declares. */
export interface UnknownKey {
  path: PropertyKey[];
  key: string;
  suggestions: string[];
  /** The keys declared at that level. */
  known: string[];
}

// Called once `input` is known to be a non-null object.
const isRecord = (v: object): v is Record<string, unknown> => !Array.isArray(v);

// For a union, walk the option that accepts the input, else the first object-shaped one.
const pickOption = (options: readonly SchemaLike[], input: unknown): SchemaLike | undefined =>
  options.find((o) => o.safeParse(input).success) ?? options.find((o) => objectView(o));

/**
 * Walks `input` alongside `schema` and lists every own key that a non-loose object schema
 * does not declare (zod's default objects strip these silently), with "did you mean"
 * suggestions from the keys declared at the same level. `__proto__`, `constructor` and
 * friends are ordinary keys here.
 */
export const findUnknownKeys = (
  schema: SchemaLike,
  input: unknown,
  path: PropertyKey[] = [],
  seen = new Set<unknown>(),
): UnknownKey[] => {
  if (typeof input !== "object" || input === null || seen.has(input)) return [];
  const inner = unwrap(schema);
  const def = inner._zod.def;
  // A union's option judges the same value, so walk it before marking the value seen.
  if (def.type === "union" && def.options) {
    const option = pickOption(def.options, input);
    return option ? findUnknownKeys(option, input, path, seen) : [];
  }
  seen.add(input);
  const view = objectView(inner);
  const out: UnknownKey[] = [];
  if (view && isRecord(input)) {
    const known = Object.keys(view.shape);
    for (const key of Object.keys(input)) {
      const child = Object.hasOwn(view.shape, key) ? view.shape[key] : undefined;
      if (child) out.push(...findUnknownKeys(child, input[key], [...path, key], seen));
      else if (!view.loose) out.push({ path, key, suggestions: closestMatches(key, known), known });
    }
  } else if (def.type === "array" && def.element && Array.isArray(input)) {
    input.forEach((v, i) =>
      out.push(...findUnknownKeys(def.element as SchemaLike, v, [...path, i], seen)),
    );
  } else if (def.type === "tuple" && Array.isArray(input)) {
    input.forEach((v, i) => {
      // Stryker disable next-line OptionalChaining: a zod 4 tuple always has `items`
      const item = def.items?.[i] ?? def.rest ?? undefined;
      if (item) out.push(...findUnknownKeys(item, v, [...path, i], seen));
    });
  } else if (def.type === "record" && def.valueType && isRecord(input)) {
    for (const key of Object.keys(input)) {
      out.push(...findUnknownKeys(def.valueType, input[key], [...path, key], seen));
    }
  }
  return out;
};
