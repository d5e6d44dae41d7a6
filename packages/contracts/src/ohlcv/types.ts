import type { OhlcvQualityOptions, QualitySummary, QualityWarning } from "./quality/quality-types";

/**
 * The twelve rule names a {@link Violation} can carry (exact strings, stable across versions).
 */
export const OHLCV_RULES = [
  "missing_column",
  "invalid_timestamp",
  "naive_timestamp",
  "unsorted_timestamps",
  "duplicate_timestamps",
  "not_numeric",
  "nan",
  "not_finite",
  "non_positive_price",
  "high_below_low",
  "ohlc_out_of_range",
  "negative_volume",
] as const;

/** One of the {@link OHLCV_RULES} names. */
export type OhlcvRule = (typeof OHLCV_RULES)[number];

/** The five value columns every OHLCV table must have, in report order. */
export const OHLCV_VALUE_COLUMNS = ["open", "high", "low", "close", "volume"] as const;

/** One broken rule: where, how often, and the first offending rows. */
export interface Violation {
  /** Which rule failed (one of {@link OHLCV_RULES}). */
  rule: OhlcvRule;
  /** The column the rule looked at, when it is about one column. */
  column?: string;
  /** How many rows (or columns, for `missing_column`) broke the rule. */
  count: number;
  /** The first 20 offending 0-based row indices, ascending (empty for structural rules). */
  rows: number[];
  /** A one-line human description. */
  message?: string;
  /** How to fix it. */
  hint?: string;
}

import type { EpochUnit, EpochUnitOption } from "../time/epoch-unit";

/** What {@link checkOhlcv} returns: never throws for bad data, only for bad arguments. */
export interface OhlcvReport {
  /** True when no rule was broken. */
  ok: boolean;
  /** Number of rows checked. */
  rows: number;
  /** Every broken rule, in {@link OHLCV_RULES} order, then column order. */
  violations: Violation[];
  /**
   * The unit the timestamp column's epoch numbers were in (given or inferred); absent when it
   * held none (only ISO text or `Date`s).
   */
  timestampUnit?: EpochUnit;
  /** Quality warnings (only with the `quality` option); they never change `ok`. */
  warnings?: QualityWarning[];
  /** The interval and calendar the quality warnings were judged against (with `quality`). */
  quality?: QualitySummary;
}

/** Options of {@link checkOhlcv} and {@link validateOhlcv}. */
export interface OhlcvCheckOptions {
  /**
   * Check every value rule; `false` checks only structure (columns present, timestamps
   * parseable and zoned), as the Python original did.
   * @defaultValue true
   */
  strict?: boolean;
  /**
   * Report zone-less timestamps (`2024-01-01T00:00:00`) as `naive_timestamp`; when `false`
   * they are read as UTC.
   * @defaultValue true
   */
  requireTz?: boolean;
  /**
   * Accept NaN (and missing) values in `volume` only.
   * @defaultValue false
   */
  allowPartialNans?: boolean;
  /**
   * Name of the timestamp column.
   * @defaultValue "timestamp"
   */
  timestampColumn?: string;
  /**
   * Unit of epoch numbers in the timestamp column: `auto` infers it from the magnitudes (a
   * value must then lie between 1973 and 2286 in the column's unit), `s`, `ms`, `us` or `ns`
   * take every value in the `Date` range. Fractions are kept for `s` and `ms` only.
   * @defaultValue "auto"
   */
  epochUnit?: EpochUnitOption;
  /**
   * IANA zone (e.g. `America/New_York`) in which zone-less stamps are wall-clock time,
   * DST-correct (a skipped time is `invalid_timestamp`); they are then not `naive_timestamp`.
   */
  timezone?: string;
  /**
   * Market-data quality warnings (`gap`, `irregular_interval`, `stale_price`, `price_jump`,
   * `zero_volume`, `volume_spike`) on `report.warnings`; `true` for the defaults. Off when absent.
   */
  quality?: boolean | OhlcvQualityOptions;
}

/**
 * A table of plain columns: each value an array or typed array of the same length, e.g.
 * `{ timestamp: Float64Array, open: Float64Array, … }`.
 */
export type OhlcvColumns = Readonly<Record<string, ArrayLike<unknown>>>;
