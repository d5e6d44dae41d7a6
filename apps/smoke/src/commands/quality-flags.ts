import type { OhlcvQualityOptions, OhlcvReport } from "@peak/contracts";
import { didYouMean } from "@peak/errors";
import { usageError } from "../cli-error";
import type { CliArgs } from "../cli-args";

const UNIT_MS: Record<string, number> = {
  ms: 1,
  s: 1000,
  m: 60_000,
  h: 3_600_000,
  d: 86_400_000,
  w: 604_800_000,
};
const CALENDARS = ["24/7", "weekdays"] as const;

/** `1m` → 60000, `4h` → 14400000, `500ms` → 500; a bad duration is a usage error (exit 2). */
export const parseDuration = (text: string): number => {
  const match = /^(\d+(?:\.\d+)?)(ms|s|m|h|d|w)$/.exec(text.trim());
  const ms = match === null ? Number.NaN : Number(match[1]) * (UNIT_MS[match[2] ?? ""] ?? 0);
  if (!(ms > 0)) {
    throw usageError(
      `--interval must be a positive duration, got \`${text}\``,
      "Write a number and a unit: 500ms, 30s, 1m, 15m, 1h, 1d or 1w.",
    );
  }
  return ms;
};

const parseCalendar = (text: string): "24/7" | "weekdays" => {
  if ((CALENDARS as readonly string[]).includes(text)) return text as "24/7" | "weekdays";
  throw usageError(
    `Unknown --calendar \`${text}\``,
    didYouMean(text, CALENDARS) ?? `Use one of: ${CALENDARS.join(", ")}.`,
  );
};

const parseCount = (text: string): number => {
  if (/^\d+$/.test(text.trim())) return Number(text);
  throw usageError(
    `--max-missing-bars must be a whole number >= 0, got \`${text}\``,
    "Pass e.g. --max-missing-bars 1 (a single missing bar, such as a holiday, stays quiet).",
  );
};

/** The `quality` option of `validate` from `--interval`, `--calendar` and `--max-missing-bars`. */
export const qualityOptions = (args: CliArgs): OhlcvQualityOptions => {
  const v = args.values;
  return {
    ...(v.interval === undefined ? {} : { intervalMs: parseDuration(v.interval) }),
    ...(v.calendar === undefined ? {} : { calendar: parseCalendar(v.calendar) }),
    ...(v["max-missing-bars"] === undefined
      ? {}
      : { maxMissingBars: parseCount(v["max-missing-bars"]) }),
  };
};

/** True when `--fail-on-warnings` is set and the report has warnings (exit 1 then). */
export const failsOnWarnings = (args: CliArgs, report: OhlcvReport): boolean =>
  args.values["fail-on-warnings"] === true && (report.warnings?.length ?? 0) > 0;
