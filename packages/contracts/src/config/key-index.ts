import { formatPath } from "./config-path";
import { objectView, unwrap, type SchemaLike } from "./zod-def";

const MAX_DEPTH = 6;

// Child schemas of a container whose keys live further down, each with the path step that
// reaches them: `[0]` for an array's items, `["*"]` for any key of a record, and no step for
// a union's options (their keys sit at the union's own level).
const children = (schema: SchemaLike): [SchemaLike, PropertyKey[]][] => {
  const def = unwrap(schema)._zod.def;
  if (def.type === "array" && def.element) return [[def.element, [0]]];
  if (def.type === "record" && def.valueType) return [[def.valueType, ["*"]]];
  if (def.type === "union" && def.options) return def.options.map((o) => [o, []]);
  return [];
};

/**
 * Every key the schema declares anywhere (down to a fixed depth, so recursive schemas end),
 * mapped to the paths where it is declared: used to say "`drift` belongs at
 * `entropy.drift`" when a key is put at the wrong level.
 */
export const declaredKeyPaths = (
  schema: SchemaLike,
  path: PropertyKey[] = [],
  out = new Map<string, string[]>(),
  depth = 0,
): Map<string, string[]> => {
  if (depth > MAX_DEPTH) return out;
  const view = objectView(schema);
  if (view) {
    for (const [key, child] of Object.entries(view.shape)) {
      const at = [...path, key];
      const paths = out.get(key) ?? [];
      const text = formatPath(at);
      if (!paths.includes(text)) out.set(key, [...paths, text]);
      declaredKeyPaths(child, at, out, depth + 1);
    }
    return out;
  }
  for (const [child, step] of children(schema))
    declaredKeyPaths(child, [...path, ...step], out, depth + 1);
  return out;
};
