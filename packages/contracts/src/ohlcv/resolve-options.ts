import { ConfigError, didYouMean } from "@peak/errors";
import { checkEpochUnit, type EpochUnitOption } from "../time/epoch-unit";
import { checkTimeZone } from "../time/time-zone";
import { resolveQuality, type ResolvedQuality } from "./quality/resolve-quality";
import type { OhlcvCheckOptions } from "./types";

/** {@link OhlcvCheckOptions} with every default filled in. */
export interface ResolvedOhlcvOptions {
  strict: boolean;
  requireTz: boolean;
  allowPartialNans: boolean;
  timestampColumn: string;
  epochUnit: EpochUnitOption;
  timezone: string | undefined;
  /** Absent when quality warnings are off. */
  quality?: ResolvedQuality;
}

const BOOLEAN_KEYS = ["strict", "requireTz", "allowPartialNans"] as const;
const KNOWN_KEYS = new Set<string>([
  ...BOOLEAN_KEYS,
  "timestampColumn",
  "epochUnit",
  "timezone",
  "quality",
]);

/**
 * Checks the options object up front and fills in defaults.
 *
 * @throws ConfigError for an unknown key or a value of the wrong type.
 */
export const resolveOhlcvOptions = (options: OhlcvCheckOptions = {}): ResolvedOhlcvOptions => {
  if (typeof options !== "object" || options === null) {
    throw new ConfigError("OHLCV options must be an object", {
      hint: "Pass e.g. { strict: true, requireTz: true } or nothing",
      context: { received: typeof options },
    });
  }
  for (const key of Object.keys(options)) {
    if (!KNOWN_KEYS.has(key)) {
      throw new ConfigError(`Unknown OHLCV option \`${key}\``, {
        hint: didYouMean(key, [...KNOWN_KEYS]) ?? `Known options: ${[...KNOWN_KEYS].join(", ")}`,
        context: { option: key },
      });
    }
  }
  for (const key of BOOLEAN_KEYS) {
    const value = options[key];
    if (value !== undefined && typeof value !== "boolean") {
      throw new ConfigError(`Expected option \`${key}\` to be a boolean, got ${typeof value}`, {
        hint: `Pass ${key}: true or ${key}: false`,
        context: { option: key, received: String(value) },
      });
    }
  }
  const timestampColumn = options.timestampColumn ?? "timestamp";
  if (typeof timestampColumn !== "string" || timestampColumn.trim() === "") {
    throw new ConfigError("Expected option `timestampColumn` to be a non-empty string", {
      hint: 'Pass the name of the timestamp column, e.g. timestampColumn: "timestamp"',
      context: { option: "timestampColumn", received: String(timestampColumn) },
    });
  }
  return {
    strict: options.strict ?? true,
    requireTz: options.requireTz ?? true,
    allowPartialNans: options.allowPartialNans ?? false,
    timestampColumn,
    epochUnit: checkEpochUnit(options.epochUnit),
    timezone: checkTimeZone(options.timezone),
    ...(options.quality === undefined ? {} : { quality: resolveQuality(options.quality) }),
  };
};
