import { assertKnownKeys, ConfigError } from "@peak/errors";
import { asPathFailure, formatPath, PathFailure, type PathSegment } from "./json-path";
import { compareCodePoints, pythonFloatRepr, pythonQuote } from "./python-float";
import { digest } from "./stable-hash";
import { typeOf } from "./value-type";

/** Options of {@link legacyPythonHash} and {@link legacyPythonStringify}. */
export interface LegacyPythonOptions {
  /**
   * JSON paths (`$.x`, `$.params.alpha`, `$.weights[*]`) of values that were Python floats. A JS
   * number cannot say whether it was `1` or `1.0`; integral numbers at these paths print as floats.
   * Non-integral numbers, `-0`, NaN, ±Infinity and integers beyond 2^53 are always floats.
   * @defaultValue []
   */
  floatPaths?: readonly string[] | undefined;
  /**
   * First 16 hex characters (the original's default) or all 64.
   * @defaultValue true
   */
  short?: boolean | undefined;
}

/**
 * The original Python canonical text: `json.dumps(value, sort_keys=True, separators=(",", ":"))`
 * — keys sorted by code point, non-ASCII escaped as `\uXXXX`, Python float repr, bare `NaN` /
 * `Infinity`. Bigints print as exact integers.
 *
 * @throws {@link ConfigError} naming the path of a value Python's json module would reject,
 * of nesting deeper than 200 levels, or of a getter or Proxy trap that throws.
 */
export const legacyPythonStringify = (
  value: unknown,
  options: LegacyPythonOptions = {},
): string => {
  // Stryker disable next-line ArrayDeclaration: a default entry that is no JSON path never matches
  const floats = new Set(options.floatPaths ?? []);
  try {
    return write(value, [], floats);
  } catch (error) {
    const failure = asPathFailure(error);
    throw new ConfigError(`Cannot hash ${failure.path()} the legacy way: ${failure.reason}`, {
      hint: failure.hint,
      context: { path: failure.path() },
      ...(failure.cause === undefined ? {} : { cause: failure.cause }),
    });
  }
};

/**
 * Reproduces the original Python `stable_hash_dict(d, short)`: SHA-256 of
 * {@link legacyPythonStringify}, so config hashes recorded by the Python version can be matched.
 * Use {@link stableHash} for new data.
 *
 * @throws {@link ConfigError} as {@link legacyPythonStringify}.
 * @example
 * ```ts
 * legacyPythonHash({ x: 1 }, { floatPaths: ["$.x"] }); // "bf32f56236899e13", Python's {"x": 1.0}
 * ```
 */
export const legacyPythonHash = (value: unknown, options: LegacyPythonOptions = {}): string => {
  assertKnownKeys(options, ["floatPaths", "short"], { owner: "legacyPythonHash" });
  return digest(legacyPythonStringify(value, options), "sha256", options.short ?? true);
};

const write = (value: unknown, path: PathSegment[], floats: Set<string>): string => {
  if (value === null) return "null";
  if (typeof value === "boolean") return value ? "true" : "false";
  if (typeof value === "string") return pythonQuote(value);
  if (typeof value === "bigint") return value.toString();
  if (typeof value === "number") return writeNumber(value, path, floats);
  if (typeof value === "object" && path.length > 200) {
    throw new PathFailure("nesting is too deep (or a cycle)", "Remove the cycle");
  }
  if (Array.isArray(value)) return writeItems(value, path, floats);
  // typeOf says "object" only for a plain object (arrays returned above).
  if (typeOf(value) === "object") {
    const keys = Object.keys(value as object).sort(compareCodePoints);
    const members = keys.map(
      (key) => `${pythonQuote(key)}:${nested(value as object, key, path, floats)}`,
    );
    return `{${members.join(",")}}`;
  }
  throw new PathFailure(`${typeOf(value)} is not JSON serializable`, "Pass plain JSON data");
};

const writeItems = (items: unknown[], path: PathSegment[], floats: Set<string>): string => {
  const parts: string[] = [];
  for (let i = 0; i < items.length; i++) parts.push(nested(items, i, path, floats));
  return `[${parts.join(",")}]`;
};

// Reads `container[key]` inside the try, so a throwing getter is reported at its own path.
const nested = (container: object, key: PathSegment, path: PathSegment[], floats: Set<string>) => {
  path.push(key);
  try {
    return write((container as Record<PathSegment, unknown>)[key], path, floats);
  } catch (error) {
    const failure = asPathFailure(error);
    failure.reversed.push(key);
    throw failure;
  } finally {
    path.pop();
  }
};

const writeNumber = (value: number, path: PathSegment[], floats: Set<string>): string => {
  const isInt = Number.isSafeInteger(value) && !Object.is(value, -0);
  if (isInt && !isFloatPath(path, floats)) return String(value);
  return pythonFloatRepr(value);
};

const isFloatPath = (path: PathSegment[], floats: Set<string>): boolean => {
  // Stryker disable next-line ConditionalExpression: a shortcut; an empty set has no path either
  if (floats.size === 0) return false;
  const wildcard = path.map((segment) => (typeof segment === "number" ? "*" : segment));
  return (
    floats.has(formatPath(path)) || floats.has(formatPath(wildcard).replace(/\["\*"\]/g, "[*]"))
  );
};
