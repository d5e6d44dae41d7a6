import { brandFor, hasBrand, setBrand } from "./brand";
import type { PeakErrorCode } from "./codes";
import { toSafeJson, type JsonValue } from "./safe-json";

const brand = brandFor("PeakTradeError");

/** Options every `@peak/*` error accepts besides its message. */
export interface PeakErrorOptions {
  /** How to fix the problem, shown as `Hint: …`. */
  hint?: string | undefined;
  /** Where it happened (row, column, path, key…); copied and frozen. */
  context?: Readonly<Record<string, unknown>> | undefined;
  /** The lower-level error this one wraps; kept as the standard `Error.cause`. */
  cause?: unknown;
  /** Whether trying the same operation again may succeed. */
  retryable?: boolean | undefined;
}

/** The serialised form of a `PeakTradeError`, as returned by `toJSON()`. */
export interface PeakErrorJson {
  name: string;
  code: string;
  message: string;
  hint?: string;
  context: { [key: string]: JsonValue };
  retryable: boolean;
  cause?: JsonValue;
  stack?: string;
}

/**
 * Base class of every error the `@peak/*` kit throws: a message, a `hint` that says how to
 * fix it, a frozen `context` that says where, the standard `cause`, and a stable `code`.
 *
 * @example
 * ```ts
 * throw new PeakTradeError("Cache directory is not writable", {
 *   hint: "Check the folder's permissions or pass another cacheDir",
 *   context: { path: "/data/cache" },
 * });
 * ```
 */
export class PeakTradeError extends Error {
  /** Stable machine-readable code; subclasses narrow it. */
  readonly code: PeakErrorCode = "PEAK_TRADE";
  /** How to fix the problem, if known. */
  readonly hint: string | undefined;
  /** Where the problem happened: a frozen plain object (never undefined). */
  readonly context: Readonly<Record<string, unknown>>;
  /** Whether retrying the same operation may succeed. */
  readonly retryable: boolean;

  constructor(message: string, options: PeakErrorOptions = {}) {
    super(message, "cause" in options ? { cause: options.cause } : undefined);
    this.name = new.target.name;
    this.hint = options.hint === "" ? undefined : options.hint;
    this.context = Object.freeze({ ...options.context });
    this.retryable = options.retryable ?? false;
    setBrand(this, brand);
  }

  /** True for any `PeakTradeError`, including one from another copy of this package. */
  static isInstance(value: unknown): value is PeakTradeError {
    return hasBrand(value, brand);
  }

  /** Plain, JSON-safe data: cycles, BigInt and other non-JSON context values are converted. */
  toJSON(): PeakErrorJson {
    const json: PeakErrorJson = {
      name: this.name,
      code: this.code,
      message: this.message,
      context: toSafeJson(this.context) as { [key: string]: JsonValue },
      retryable: this.retryable,
    };
    if (this.hint !== undefined) json.hint = this.hint;
    if (this.cause !== undefined) json.cause = serialiseCause(this.cause, new Set([this]));
    if (this.stack !== undefined) json.stack = this.stack;
    return json;
  }

  /** `Name: message`, then `Hint: …`, `Context: …` and `Caused by: …` lines where present. */
  override toString(): string {
    const lines = [`${this.name}: ${this.message}`];
    if (this.hint) lines.push(`Hint: ${this.hint}`);
    if (Object.keys(this.context).length > 0) {
      lines.push(`Context: ${JSON.stringify(toSafeJson(this.context))}`);
    }
    if (this.cause !== undefined) lines.push(`Caused by: ${describeCause(this.cause)}`);
    return lines.join("\n");
  }
}

// Walks the cause chain; `seen` stops an error that (indirectly) causes itself.
const serialiseCause = (cause: unknown, seen: Set<unknown>): JsonValue => {
  if (seen.has(cause)) return "[Circular]";
  if (!(cause instanceof Error) && !PeakTradeError.isInstance(cause)) return toSafeJson(cause);
  seen.add(cause);
  const err = cause as Error & Partial<PeakTradeError>;
  const out: { [key: string]: JsonValue } = { name: err.name, message: err.message };
  if (typeof err.code === "string") out.code = err.code;
  if (err.hint !== undefined) out.hint = err.hint;
  if (err.context !== undefined) out.context = toSafeJson(err.context);
  if (typeof err.retryable === "boolean") out.retryable = err.retryable;
  if (err.stack !== undefined) out.stack = err.stack;
  if (err.cause !== undefined) out.cause = serialiseCause(err.cause, seen);
  return out;
};

const describeCause = (cause: unknown): string => {
  if (cause instanceof Error || PeakTradeError.isInstance(cause)) {
    return `${cause.name}: ${cause.message}`;
  }
  return JSON.stringify(toSafeJson(cause));
};

/**
 * True for any `PeakTradeError` (or subclass), even one thrown by another copy of
 * `@peak/errors` where `instanceof` would fail.
 */
export const isPeakTradeError = (value: unknown): value is PeakTradeError =>
  PeakTradeError.isInstance(value);
