import { ConfigError, didYouMean } from "@peak/errors";
import { checkEpochUnit, type EpochUnitOption } from "../time/epoch-unit";
import { checkTimeZone } from "../time/time-zone";
import { LAYOUT_PRESETS, OHLCV_LAYOUTS, type OhlcvLayout } from "./layout/layouts";
import { checkColumnsMap, type OhlcvColumnMap } from "./layout/columns-map";

/** Options of {@link parseOhlcvCsv} and {@link createOhlcvCsvParser}. */
export interface OhlcvCsvOptions {
  /**
   * Keep zone-less timestamps detectable as naive (their text stays in the column, so the
   * contract reports `naive_timestamp`). When `false` they are read as UTC wall-clock time.
   * @defaultValue true (false for the `yahoo` layout)
   */
  requireTz?: boolean;
  /**
   * Name of the timestamp column in the table (and in the file, unless `columns.timestamp`).
   * @defaultValue "timestamp"
   */
  timestampColumn?: string;
  /**
   * Field delimiter (one character), or `"auto"` to pick `,` `;` tab or `|` from the first line.
   * @defaultValue "auto"
   */
  delimiter?: string;
  /**
   * `false`: the file has no header; columns are positional (timestamp, open, high, low, close,
   * volume, then `column_6`, …, or the layout's names).
   * @defaultValue true (detected for the `binance-klines` and `ccxt` layouts)
   */
  header?: boolean;
  /** Our column names → the file's, e.g. `{ timestamp: "Date", volume: "Vol" }`. */
  columns?: OhlcvColumnMap;
  /** A named layout: `yahoo`, `binance-klines` or `ccxt` (other options override it). */
  layout?: OhlcvLayout;
  /**
   * Unit of epoch numbers in the timestamp column; `auto` infers it from the magnitudes.
   * @defaultValue "auto"
   */
  epochUnit?: EpochUnitOption;
  /** IANA zone (e.g. `America/New_York`) in which zone-less stamps are wall-clock time. */
  timezone?: string;
  /**
   * Longest line accepted, in UTF-16 code units (about bytes for ASCII text).
   * @defaultValue 1_048_576 (1 MiB)
   */
  maxLineBytes?: number;
  /**
   * Most columns accepted in a line.
   * @defaultValue 10_000
   */
  maxColumns?: number;
}

/** {@link OhlcvCsvOptions} resolved: layout merged in, defaults filled, values checked. */
export interface ResolvedCsvOptions {
  requireTz: boolean;
  timestampColumn: string;
  delimiter: string;
  header: boolean | "auto";
  names: readonly string[] | undefined;
  columns: Readonly<Record<string, string>>;
  epochUnit: EpochUnitOption;
  timezone: string | undefined;
  maxLineBytes: number;
  maxColumns: number;
}

const KNOWN = [
  ...["requireTz", "timestampColumn", "delimiter", "header", "columns", "layout"],
  ...["epochUnit", "timezone", "maxLineBytes", "maxColumns"],
];

const fail = (option: string, expected: string, value: unknown): ConfigError =>
  new ConfigError(`Expected CSV option \`${option}\` to be ${expected}`, {
    hint: `Pass ${option} as ${expected}, or leave it out for the default`,
    context: { option, received: String(value) },
  });

const limit = (value: unknown, option: string, fallback: number): number => {
  if (value === undefined) return fallback;
  if (typeof value === "number" && Number.isSafeInteger(value) && value > 0) return value;
  throw fail(option, "a positive integer", value);
};

const layoutOf = (value: unknown) => {
  if (value === undefined) return undefined;
  if (typeof value === "string" && (OHLCV_LAYOUTS as readonly string[]).includes(value)) {
    return LAYOUT_PRESETS[value as OhlcvLayout];
  }
  const text = typeof value === "string" ? value : typeof value;
  throw new ConfigError(`Unknown CSV layout \`${text}\``, {
    hint: didYouMean(text, OHLCV_LAYOUTS) ?? `Layouts: ${OHLCV_LAYOUTS.join(", ")}`,
    context: { option: "layout", received: text },
  });
};

/**
 * Checks CSV options up front, merges the layout preset and fills in defaults.
 *
 * @throws ConfigError for an unknown option or a value of the wrong type.
 */
export const resolveCsvOptions = (options: OhlcvCsvOptions = {}): ResolvedCsvOptions => {
  if (typeof options !== "object" || options === null) throw fail("options", "an object", options);
  const unknown = Object.keys(options).find((k) => !KNOWN.includes(k));
  if (unknown !== undefined) {
    throw new ConfigError(`Unknown CSV option \`${unknown}\``, {
      hint: didYouMean(unknown, KNOWN) ?? `Known options: ${KNOWN.join(", ")}`,
      context: { option: unknown },
    });
  }
  const preset = layoutOf(options.layout);
  const { requireTz = preset?.requireTz ?? true, timestampColumn = "timestamp" } = options;
  const { delimiter = "auto", header = preset?.header ?? true } = options;
  if (typeof requireTz !== "boolean") throw fail("requireTz", "a boolean", requireTz);
  if (typeof header !== "boolean" && header !== "auto") throw fail("header", "a boolean", header);
  if (typeof timestampColumn !== "string" || timestampColumn.trim() === "") {
    throw fail("timestampColumn", "a non-empty string", timestampColumn);
  }
  const oneChar = typeof delimiter === "string" && delimiter.length === 1;
  if (delimiter !== "auto" && (!oneChar || /["\r\n]/.test(delimiter))) {
    throw fail("delimiter", '"auto" or one character other than a quote or line break', delimiter);
  }
  return {
    requireTz,
    timestampColumn,
    delimiter,
    header,
    names: header === true ? undefined : preset?.names,
    columns: { ...preset?.columns, ...checkColumnsMap(options.columns) },
    epochUnit: checkEpochUnit(options.epochUnit),
    timezone: checkTimeZone(options.timezone),
    maxLineBytes: limit(options.maxLineBytes, "maxLineBytes", 1 << 20),
    maxColumns: limit(options.maxColumns, "maxColumns", 10_000),
  };
};
