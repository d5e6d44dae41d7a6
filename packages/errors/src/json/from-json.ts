import { BacktestInvariantError } from "../backtest-invariant-error";
import { CacheCorruptionError } from "../cache-corruption-error";
import { ConfigError } from "../config-error";
import { DataContractError } from "../data-contract-error";
import { PeakTradeError, type PeakErrorOptions } from "../peak-trade-error";
import { ProviderError } from "../provider-error";
import { describeThrown } from "./unreadable";

type Ctor = new (message: string, options: PeakErrorOptions) => PeakTradeError;

const byCode: Partial<Record<string, Ctor>> = {
  DATA_CONTRACT: DataContractError,
  CONFIG: ConfigError,
  PROVIDER: ProviderError,
  CACHE_CORRUPTION: CacheCorruptionError,
  BACKTEST_INVARIANT: BacktestInvariantError,
};

const HINT =
  "Pass the parsed output of `error.toJSON()`: an object with at least a string `message`";

const kindOf = (value: unknown): string =>
  value === null ? "null" : Array.isArray(value) ? "an array" : typeof value;

const refuse = (field: string, reason: string, received?: string): never => {
  throw new ConfigError(`Cannot rebuild an error from JSON: ${reason}`, {
    hint: HINT,
    context: received === undefined ? { field } : { field, received },
  });
};

/** `json[key]`; a getter or Proxy trap that throws is refused with the field's name. */
const read = (json: object, key: string): unknown => {
  try {
    return (json as Record<string, unknown>)[key];
  } catch (thrown) {
    return refuse(key, `reading \`${key}\` threw (${describeThrown(thrown)})`);
  }
};

/** `json[key]`, checked to be of `type` (`undefined` is allowed unless `required`). */
const field = (json: object, key: string, type: string, required = false): unknown => {
  const value = read(json, key);
  if (value === undefined && !required) return undefined;
  const kind = kindOf(value);
  const expected = type === "object" ? "an object" : `a ${type}`;
  if (kind !== type) return refuse(key, `\`${key}\` must be ${expected}, got ${kind}`, kind);
  return value;
};

/**
 * Rebuilds an error from {@link PeakTradeError.toJSON} output (for example after it crossed
 * a process boundary). Known codes get their class back; others become a `PeakTradeError`.
 * A serialised cause comes back as plain data in `cause`.
 *
 * @throws {@link ConfigError} (never a `TypeError`) when `json` is not an object (`null`, a
 * string, an array…), has no string `message`, or a field has the wrong type (`code`, `hint`
 * and `stack` must be strings, `context` an object, `retryable` a boolean); its context names
 * the `field`.
 * @example
 * ```ts
 * const copy = errorFromJSON(JSON.parse(JSON.stringify(error)));
 * copy instanceof DataContractError; // true when error was one
 * ```
 */
export const errorFromJSON = (json: unknown): PeakTradeError => {
  if (kindOf(json) !== "object") {
    return refuse("json", `expected an object, got ${kindOf(json)}`, kindOf(json));
  }
  const data = json as object;
  const message = field(data, "message", "string", true) as string;
  const code = field(data, "code", "string") as string | undefined;
  const options: PeakErrorOptions = {
    hint: field(data, "hint", "string") as string | undefined,
    context: field(data, "context", "object") as Record<string, unknown> | undefined,
    retryable: field(data, "retryable", "boolean") as boolean | undefined,
  };
  const stack = field(data, "stack", "string") as string | undefined;
  const cause = read(data, "cause");
  if (cause !== undefined) options.cause = cause;
  // Stryker disable next-line ConditionalExpression: byCode has no "undefined" key either
  const Ctor = (code === undefined ? undefined : byCode[code]) ?? PeakTradeError;
  const error = new Ctor(message, options);
  if (stack !== undefined) error.stack = stack;
  return error;
};
