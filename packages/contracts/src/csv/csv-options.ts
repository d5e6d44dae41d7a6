import { ConfigError } from "@peak/errors";

/** Options of {@link parseOhlcvCsv} and {@link createOhlcvCsvParser}. */
export interface OhlcvCsvOptions {
  /**
   * Keep zone-less timestamps detectable as naive (their text stays in the column, so the
   * contract reports `naive_timestamp`). When `false` they are read as UTC wall-clock time.
   * @defaultValue true
   */
  requireTz?: boolean;
  /**
   * Name of the timestamp column in the header.
   * @defaultValue "timestamp"
   */
  timestampColumn?: string;
  /**
   * Field delimiter (one character).
   * @defaultValue ","
   */
  delimiter?: string;
}

/** {@link OhlcvCsvOptions} with defaults filled in. */
export type ResolvedCsvOptions = Required<OhlcvCsvOptions>;

const KNOWN = ["requireTz", "timestampColumn", "delimiter"];

const fail = (option: string, expected: string, value: unknown): ConfigError =>
  new ConfigError(`Expected CSV option \`${option}\` to be ${expected}`, {
    hint: `Pass ${option} as ${expected}, or leave it out for the default`,
    context: { option, received: String(value) },
  });

/**
 * Checks CSV options up front and fills in defaults.
 *
 * @throws ConfigError for an unknown option or a value of the wrong type.
 */
export const resolveCsvOptions = (options: OhlcvCsvOptions = {}): ResolvedCsvOptions => {
  if (typeof options !== "object" || options === null) throw fail("options", "an object", options);
  const unknown = Object.keys(options).find((k) => !KNOWN.includes(k));
  if (unknown !== undefined) {
    throw new ConfigError(`Unknown CSV option \`${unknown}\``, {
      hint: `Known options: ${KNOWN.join(", ")}`,
      context: { option: unknown },
    });
  }
  const { requireTz = true, timestampColumn = "timestamp", delimiter = "," } = options;
  if (typeof requireTz !== "boolean") throw fail("requireTz", "a boolean", requireTz);
  if (typeof timestampColumn !== "string" || timestampColumn.trim() === "") {
    throw fail("timestampColumn", "a non-empty string", timestampColumn);
  }
  if (typeof delimiter !== "string" || delimiter.length !== 1 || /["\r\n]/.test(delimiter)) {
    throw fail("delimiter", "one character other than a quote or line break", delimiter);
  }
  return { requireTz, timestampColumn, delimiter };
};
