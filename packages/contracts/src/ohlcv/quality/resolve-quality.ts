import { didYouMean } from "@peak/errors";
import { fail, NUMBERS, readNumber, type NumberKey } from "./quality-numbers";
import {
  QUALITY_RULES,
  type OhlcvQualityOptions,
  type QualityCalendar,
  type QualityRule,
} from "./quality-types";

/** {@link OhlcvQualityOptions} checked, with every default filled in. */
export interface ResolvedQuality {
  intervalMs: number | undefined;
  calendar: QualityCalendar;
  maxMissingBars: number;
  rules: ReadonlySet<QualityRule>;
  staleBars: number;
  zeroVolumeBars: number;
  jumpThreshold: number;
  jumpRevertBars: number;
  reportPersistentJumps: boolean;
  volumeSpikeMultiple: number;
  volumeSpikeWindow: number;
}

const KNOWN = [...Object.keys(NUMBERS), "calendar", "rules", "reportPersistentJumps"];
const DEFAULT_RULES = QUALITY_RULES.filter((r) => r !== "volume_spike");

const readCalendar = (value: unknown): QualityCalendar => {
  if (value === undefined) return "24/7";
  if (value === "24/7" || value === "weekdays" || typeof value === "function")
    return value as QualityCalendar;
  return fail(
    `Unknown quality calendar ${JSON.stringify(value) ?? typeof value}`,
    'Pass "24/7", "weekdays" or a function (ms) => boolean',
    "calendar",
    value,
  );
};

const readRules = (value: unknown): ReadonlySet<QualityRule> => {
  if (value === undefined) return new Set(DEFAULT_RULES);
  if (!Array.isArray(value))
    return fail(
      "Expected option `quality.rules` to be an array of rule names",
      `Pass e.g. rules: ["gap", "stale_price"]`,
      "rules",
      value,
    );
  for (const rule of value) {
    if (!(QUALITY_RULES as readonly unknown[]).includes(rule)) {
      fail(
        `Unknown quality rule \`${String(rule)}\``,
        didYouMean(String(rule), QUALITY_RULES) ?? `Known rules: ${QUALITY_RULES.join(", ")}`,
        "rules",
        rule,
      );
    }
  }
  return new Set(value as QualityRule[]);
};

/**
 * Checks the `quality` option up front; `true` means every default.
 *
 * @throws ConfigError for an unknown key (with a "did you mean" hint) or a bad value.
 */
export const resolveQuality = (input: boolean | OhlcvQualityOptions): ResolvedQuality => {
  const options: OhlcvQualityOptions =
    input === true ? {} : input === false ? { rules: [] } : input;
  if (typeof options !== "object" || options === null || Array.isArray(options)) {
    fail(
      "Expected option `quality` to be true or an object",
      'Pass quality: true or e.g. quality: { calendar: "weekdays" }',
      "",
      options,
    );
  }
  for (const key of Object.keys(options)) {
    if (!KNOWN.includes(key)) {
      fail(
        `Unknown quality option \`${key}\``,
        didYouMean(key, KNOWN) ?? `Known options: ${KNOWN.join(", ")}`,
        key,
        key,
      );
    }
  }
  const persistent = options.reportPersistentJumps ?? false;
  if (typeof persistent !== "boolean")
    fail(
      "Expected option `quality.reportPersistentJumps` to be a boolean",
      "Pass true or false",
      "reportPersistentJumps",
      persistent,
    );
  const num = (key: NumberKey) => readNumber(options, key) as number;
  return {
    intervalMs: readNumber(options, "intervalMs"),
    calendar: readCalendar(options.calendar),
    maxMissingBars: num("maxMissingBars"),
    rules: readRules(options.rules),
    staleBars: num("staleBars"),
    zeroVolumeBars: num("zeroVolumeBars"),
    jumpThreshold: num("jumpThreshold"),
    jumpRevertBars: num("jumpRevertBars"),
    reportPersistentJumps: persistent,
    volumeSpikeMultiple: num("volumeSpikeMultiple"),
    volumeSpikeWindow: num("volumeSpikeWindow"),
  };
};
