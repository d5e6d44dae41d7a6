import { endianness } from "node:os";
import { ConfigError } from "@peak/errors";
import type * as Arrow from "apache-arrow";

const TWO_32 = 4294967296;

const toMs = (value: unknown, column: string, row: number): number | undefined => {
  if (value === null || value === undefined) return undefined;
  const ms = value instanceof Date ? value.getTime() : value;
  if (typeof ms !== "number") {
    throw new ConfigError(
      `Column \`${column}\` holds ${typeof value} at row ${row}, not a timestamp`,
      {
        hint: "Timestamp columns must hold epoch-ms numbers or Date objects (UTC instants)",
        context: { column, row, value: JSON.stringify(value) ?? typeof value },
      },
    );
  }
  return Number.isFinite(ms) ? Math.trunc(ms) : undefined;
};

/**
 * Builds an Arrow `Timestamp(ms, "UTC")` vector from epoch-ms numbers or `Date`s. Int64 values
 * are written as two 32-bit halves (no per-value BigInt), about 6x faster for 1M rows. Nulls,
 * undefined and non-finite numbers become nulls; fractional milliseconds are truncated.
 *
 * @throws {ConfigError} for a value that is neither a number, a Date nor null.
 */
export const timestampVector = (
  arrow: typeof Arrow,
  values: ArrayLike<unknown>,
  column: string,
): Arrow.Vector => {
  const length = values.length;
  const halves = new Int32Array(length * 2);
  const validity = new Uint8Array(Math.ceil(length / 8));
  const [lo, hi] = endianness() === "LE" ? [0, 1] : [1, 0];
  let nullCount = 0;
  for (let row = 0; row < length; row += 1) {
    const ms = toMs(values[row], column, row);
    if (ms === undefined) {
      nullCount += 1;
      continue;
    }
    validity[row >> 3]! |= 1 << (row & 7);
    const high = Math.floor(ms / TWO_32);
    halves[2 * row + lo] = (ms - high * TWO_32) | 0;
    halves[2 * row + hi] = high;
  }
  const data = arrow.makeData({
    type: new arrow.TimestampMillisecond("UTC"),
    length,
    nullCount,
    nullBitmap: nullCount > 0 ? validity : null,
    data: new BigInt64Array(halves.buffer),
  });
  return arrow.makeVector(data);
};
