// JSON paths in messages: `$`, `$.a.b[2]`, `$["key with spaces"]`.

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

/** One path step: an object key or an array index. */
export type PathSegment = string | number;

/** Formats segments (outermost first) as `$.a.b[2]`. */
export const formatPath = (segments: readonly PathSegment[]): string => {
  let path = "$";
  for (const segment of segments) {
    // An index is digits, never an identifier, and JSON.stringify(2) is "2": `[2]`.
    path += IDENTIFIER.test(String(segment)) ? `.${segment}` : `[${JSON.stringify(segment)}]`;
  }
  return path;
};

/**
 * Internal signal thrown from deep inside a recursive walk. Each level appends its key on the way
 * out (so the happy path pays nothing for path tracking); the entry point turns it into a
 * `ConfigError` with the full path.
 */
export class PathFailure extends Error {
  /** Innermost first; reversed by {@link PathFailure.path}. */
  readonly reversed: PathSegment[] = [];
  readonly reason: string;
  readonly hint: string;

  constructor(reason: string, hint: string, cause?: unknown) {
    // Without a cause, `cause` is an own undefined: every reader compares it with undefined.
    super(reason, { cause });
    this.reason = reason;
    this.hint = hint;
  }

  /** The path of the failing value. */
  path(): string {
    return formatPath([...this.reversed].reverse());
  }
}

const describeThrown = (thrown: unknown): string => {
  try {
    return thrown instanceof Error ? String(thrown.message) : String(thrown);
  } catch {
    return "an unreadable value";
  }
};

/**
 * The failure itself, or a {@link PathFailure} for anything else thrown while reading the
 * value (a getter, a Proxy trap, a revoked Proxy), keeping the original as `cause`.
 */
export const asPathFailure = (thrown: unknown): PathFailure =>
  thrown instanceof PathFailure
    ? thrown
    : new PathFailure(
        `reading the value threw: ${describeThrown(thrown)}`,
        "Pass plain data: copy values out of objects whose getters or Proxy traps throw",
        thrown,
      );
