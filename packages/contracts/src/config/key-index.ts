import { formatPath } from "./config-path";
import { objectView, unwrap, type SchemaLike } from "./zod-def";

const MAX_DEPTH = 6;

// Child schemas of a container whose keys live one level further down.
const children = (schema: SchemaLike): SchemaLike[] => {
  const def = unwrap(schema)._zod.def;
  if (def.type === "array" && def.element) return [def.element];
  if (def.type === "record" && def.valueType) return [def.valueType];
  if (def.type === "union" && def.options) return [...def.options];
  return [];
};

/**
 * Every key the schema declares anywhere (down to a fixed depth, so recursive schemas end),
 * mapped to the dotted paths where it is declared: used to say "`drift` belongs at
 * `entropy.drift`" when a key is put at the wrong level.
 */
export const declaredKeyPaths = (
  schema: SchemaLike,
  path: PropertyKey[] = [],
  out = new Map<string, string[]>(),
): Map<string, string[]> => {
  if (path.length > MAX_DEPTH) return out;
  const view = objectView(schema);
  if (view) {
    for (const [key, child] of Object.entries(view.shape)) {
      const at = [...path, key];
      out.set(key, [...(out.get(key) ?? []), formatPath(at)]);
      declaredKeyPaths(child, at, out);
    }
    return out;
  }
  for (const child of children(schema)) declaredKeyPaths(child, [...path, 0], out);
  return out;
};
