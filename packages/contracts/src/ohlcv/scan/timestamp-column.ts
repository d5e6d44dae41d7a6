import { parseTimestampText } from "../../csv/text/iso-timestamp";
import { epochToMs, inferEpochUnit, MS_WINDOW, type EpochUnit } from "../../time/epoch-unit";
import type { EpochUnitOption } from "../../time/epoch-unit";
import { timestampMarkOf } from "../../time/timestamp-marks";
import { createZoneReader } from "../../time/time-zone";
import type { ViolationCollector } from "../violations/violation-collector";

const MAX_MS = 8.64e15;
const EPOCH_TEXT = /^\s*[+-]?\d+(?:\.\d+)?\s*$/;

/** How {@link toTimestampColumn} reads a column. */
export interface TimestampReading {
  requireTz: boolean;
  epochUnit: EpochUnitOption;
  timezone: string | undefined;
}

/** The timestamp column in epoch ms (NaN where invalid) and the unit its numbers were in. */
export interface TimestampColumn {
  ms: Float64Array;
  unit: EpochUnit | undefined;
}

// Converts the raw epoch numbers at the flagged rows (all rows without flags) in place.
const convertEpochs = (
  values: Float64Array,
  flags: Uint8Array | undefined,
  epochUnit: EpochUnitOption,
): EpochUnit | undefined => {
  const isEpoch = flags === undefined ? () => true : (i: number) => flags[i] === 1;
  const auto = epochUnit === "auto";
  const unit = auto ? inferEpochUnit(values, isEpoch) : epochUnit;
  // Stryker disable next-line EqualityOperator: a write one past the end of a typed array is a no-op
  for (let i = 0; i < values.length; i++) {
    if (isEpoch(i)) {
      // Stryker disable next-line ConditionalExpression: unit is undefined only under auto, where epochToMs(v, undefined, true) is NaN too
      values[i] = unit === undefined ? Number.NaN : epochToMs(values[i] as number, unit, auto);
    }
  }
  return unit;
};

// Whether every value is already a valid epoch-ms number: what `epochToMs(v, "ms", auto) === v`
// says for each, as one range test per row (no call, no NaN made): the ms window under `auto`,
// the Date range otherwise. NaN fails both tests.
const allMs = (data: Float64Array, auto: boolean): boolean => {
  const { low, high } = MS_WINDOW;
  let ok = 1;
  if (auto) {
    for (let i = 0; i < data.length; i++)
      // Stryker disable next-line UnaryOperator: -1 & 1 is 1 and -0 & 1 is 0, so either sign gives the same bit
      ok &= +((data[i] as number) >= low) & +((data[i] as number) < high);
  } else {
    for (let i = 0; i < data.length; i++)
      // Stryker disable next-line UnaryOperator: -1 & 1 is 1 and -0 & 1 is 0, so either sign gives the same bit
      ok &= +((data[i] as number) >= -MAX_MS) & +((data[i] as number) <= MAX_MS);
  }
  return ok === 1;
};

const fromTypedArray = (data: ArrayLike<unknown>, epochUnit: EpochUnitOption): TimestampColumn => {
  if (data instanceof Float64Array) {
    const auto = epochUnit === "auto";
    const unit = auto ? inferEpochUnit(data) : epochUnit;
    if (unit === "ms" && allMs(data, auto)) return { ms: data, unit };
  }
  const ms = new Float64Array(data.length);
  // Stryker disable next-line EqualityOperator: a write one past the end of a typed array is a no-op
  for (let i = 0; i < data.length; i++) ms[i] = Number(data[i]);
  return { ms, unit: convertEpochs(ms, undefined, epochUnit) };
};

/**
 * Turns a timestamp column into epoch milliseconds (UTC):
 * - numbers (any array or typed array, BigInts, digit strings) are epoch values in
 *   `epochUnit`; under `auto` the unit comes from their magnitudes and a value that fits no
 *   unit (or not the column's) is NaN, reported as `invalid_timestamp`. A column this
 *   package's readers produced is already in ms, its unit known;
 * - `Date` objects are instants;
 * - ISO-8601 strings are read by {@link parseTimestampText}, never in local time; a zone-less
 *   one is wall-clock time in `timezone` when given, else UTC and, under `requireTz`,
 *   recorded as `naive_timestamp`.
 */
export const toTimestampColumn = (
  data: ArrayLike<unknown>,
  column: string,
  reading: TimestampReading,
  collector: ViolationCollector,
): TimestampColumn => {
  const mark = timestampMarkOf(data);
  if (mark !== undefined && data instanceof Float64Array) return { ms: data, unit: mark.unit };
  if (mark === undefined && ArrayBuffer.isView(data))
    return fromTypedArray(data, reading.epochUnit);
  const inZone = reading.timezone === undefined ? undefined : createZoneReader(reading.timezone);
  const ms = new Float64Array(data.length);
  let flags: Uint8Array | undefined;
  let previous = -Infinity;
  // Stryker disable next-line EqualityOperator: one row past the end reads undefined, a NaN written nowhere
  for (let row = 0; row < data.length; row++) {
    const cell = data[row];
    let value = Number.NaN;
    if (cell instanceof Date) value = cell.getTime();
    else if (typeof cell === "string" && !EPOCH_TEXT.test(cell)) {
      const parsed = parseTimestampText(cell);
      value = parsed?.ms ?? Number.NaN;
      if (parsed?.naive === true && inZone !== undefined) value = inZone(value, previous);
      else if (parsed?.naive === true && reading.requireTz) {
        collector.addRow("naive_timestamp", column, row);
      }
    } else if (mark !== undefined) {
      value = typeof cell === "number" ? cell : Number.NaN; // digit text here fitted no unit
    } else if (typeof cell === "number" || typeof cell === "bigint" || typeof cell === "string") {
      value = Number(cell);
      (flags ??= new Uint8Array(data.length))[row] = 1;
    }
    ms[row] = value;
    if (value === value) previous = value;
  }
  if (mark !== undefined) return { ms, unit: mark.unit };
  return {
    ms,
    unit: flags === undefined ? undefined : convertEpochs(ms, flags, reading.epochUnit),
  };
};

/** True when `ms` is a usable timestamp (finite and within the `Date` range). */
export const isValidMs = (ms: number): boolean => ms >= -MAX_MS && ms <= MAX_MS;
