import { ConfigError, didYouMean } from "@peak/errors";
import { OHLCV_VALUE_COLUMNS } from "../../ohlcv/types";

/** The six names a {@link OhlcvColumnMap} can map. */
export type OhlcvColumnName = "timestamp" | (typeof OHLCV_VALUE_COLUMNS)[number];

/** Our column names → the names (or, without header, 0-based positions) in the file. */
export type OhlcvColumnMap = Partial<Record<OhlcvColumnName, string>>;

const OURS: readonly string[] = ["timestamp", ...OHLCV_VALUE_COLUMNS];

/**
 * Checks a `columns` option: keys among our six names, values non-empty strings.
 *
 * @throws ConfigError for an unknown key (with the closest name) or a value that is not text.
 */
export const checkColumnsMap = (value: unknown): Record<string, string> => {
  if (value === undefined) return {};
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw new ConfigError("Expected CSV option `columns` to be an object", {
      hint: 'Pass e.g. columns: { timestamp: "Date", volume: "Volume" }',
      context: { option: "columns", received: typeof value },
    });
  }
  const out: Record<string, string> = {};
  for (const [key, name] of Object.entries(value)) {
    if (!OURS.includes(key)) {
      throw new ConfigError(`Unknown column \`${key}\` in CSV option \`columns\``, {
        hint: didYouMean(key, OURS) ?? `The keys are our names: ${OURS.join(", ")}`,
        context: { option: "columns", key },
      });
    }
    if (typeof name !== "string" || name.trim() === "") {
      throw new ConfigError(`Expected \`columns.${key}\` to name a column of the file`, {
        hint: `Pass the file's header name, e.g. columns: { ${key}: "${key.toUpperCase()}" }`,
        context: { option: "columns", key, received: String(name) },
      });
    }
    out[key] = name.trim();
  }
  return out;
};
