import { brandFor, hasBrand, setBrand } from "./brand";
import type { PeakErrorCode } from "./codes";
import { chargeText, createBudget } from "./json/budget";
import { copyContext } from "./json/copy-context";
import { escapeControl } from "./hints/escape-control";
import { convertWithin, toSafeJson, type JsonValue } from "./json/safe-json";
import { describeCause, serialiseCauses } from "./json/serialise-cause";

const brand = brandFor("PeakTradeError");
const MULTILINE = { multiline: true } as const;

/** Options every `@peak/*` error accepts besides its message. */
export interface PeakErrorOptions {
  /** How to fix the problem, shown as `Hint: …`. */
  hint?: string | undefined;
  /**
   * Where it happened (row, column, path, key…); copied (own enumerable keys, as `{ ...context }`)
   * and frozen. A key whose getter throws keeps `"[unreadable: <reason>]"` instead.
   */
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
 * Control characters in `message` and `hint` are escaped (line feeds and tabs are kept), so a
 * message built from a file's or a user's text cannot send terminal escape sequences.
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
    super(
      // A non-string (e.g. an Error passed by plain JavaScript) becomes text as Error would make it.
      message === undefined ? message : escapeControl(String(message), MULTILINE),
      "cause" in options ? { cause: options.cause } : undefined,
    );
    this.name = new.target.name;
    const hint = options.hint === "" ? undefined : options.hint;
    // Stryker disable next-line ConditionalExpression: escapeControl returns undefined as it is
    this.hint = typeof hint === "string" ? escapeControl(hint, MULTILINE) : hint;
    this.context = Object.freeze(copyContext(options.context));
    this.retryable = options.retryable ?? false;
    setBrand(this, brand);
  }

  /** True for any `PeakTradeError`, including one from another copy of this package. */
  static isInstance(value: unknown): value is PeakTradeError {
    return hasBrand(value, brand);
  }

  /**
   * Plain, JSON-safe data that never throws: cycles, BigInt and other non-JSON context values
   * are converted, unreadable values become `"[unreadable: …]"`, the cause chain is cut after
   * 100 links, and the whole result stays within about 64 KiB of JSON text (cut parts are
   * marked `"[Truncated…]"`).
   */
  toJSON(): PeakErrorJson {
    // Charged in order of importance: message, hint, context, stack, then the causes.
    const budget = createBudget();
    const message = chargeText(this.message, budget);
    const hint = this.hint === undefined ? undefined : chargeText(this.hint, budget);
    const context = convertWithin(this.context, budget) as { [key: string]: JsonValue };
    const stack = this.stack === undefined ? undefined : chargeText(this.stack, budget);
    const json: PeakErrorJson = {
      name: this.name,
      code: this.code,
      message,
      context,
      retryable: this.retryable,
    };
    if (hint !== undefined) json.hint = hint;
    if (this.cause !== undefined) json.cause = serialiseCauses(this.cause, this, budget);
    if (stack !== undefined) json.stack = stack;
    return json;
  }

  /**
   * `Name: message`, then `Hint: …`, `Context: …` and `Caused by: …` lines where present;
   * control characters are escaped (see {@link escapeControl}) and it never throws.
   */
  override toString(): string {
    const lines = [escapeControl(`${this.name}: ${this.message}`, MULTILINE)];
    if (this.hint) lines.push(`Hint: ${escapeControl(this.hint, MULTILINE)}`);
    if (Object.keys(this.context).length > 0) {
      lines.push(`Context: ${escapeControl(JSON.stringify(toSafeJson(this.context)))}`);
    }
    if (this.cause !== undefined) lines.push(`Caused by: ${describeCause(this.cause)}`);
    return lines.join("\n");
  }
}

/**
 * True for any `PeakTradeError` (or subclass), even one thrown by another copy of
 * `@peak/errors` where `instanceof` would fail.
 */
export const isPeakTradeError = (value: unknown): value is PeakTradeError =>
  PeakTradeError.isInstance(value);
