// Arrow's TimeUnit: SECOND 0, MILLISECOND 1, MICROSECOND 2, NANOSECOND 3 (raw units per ms).
const PER_MS = [0n, 1n, 1_000n, 1_000_000n] as const;

interface RawBatch {
  length: number;
  nullCount: number;
  validity?: Uint8Array | null | undefined;
  values: ArrayLike<bigint>;
  isValid(index: number): boolean;
}

/** A timestamp field of an Arrow schema (flechette's shape). */
export interface TimestampField {
  name: string;
  type: { typeId: number; unit?: number; timezone?: string | null };
}

/**
 * True for a zone-less timestamp: Arrow `Timestamp` without timezone (Parquet
 * `isAdjustedToUTC = false`), or a column pandas metadata lists as `datetime` (no zone).
 */
export const isNaiveTimestamp = (
  field: TimestampField,
  pandasNaive: ReadonlySet<string>,
): boolean =>
  field.type.typeId === 10 &&
  (field.type.timezone === null ||
    field.type.timezone === undefined ||
    field.type.timezone === "" ||
    pandasNaive.has(field.name));

/** Column names pandas metadata (`pandas` key/value) records as zone-less datetimes. */
export const pandasNaiveColumns = (pandasJson: string | undefined): Set<string> => {
  // Stryker disable next-line ConditionalExpression: without the early return JSON.parse(undefined) throws and the catch returns the same empty set
  if (pandasJson === undefined) return new Set();
  try {
    const meta = JSON.parse(pandasJson) as {
      columns?: Array<{ field_name?: unknown; pandas_type?: unknown }>;
    };
    return new Set(
      // Stryker disable next-line ArrayDeclaration: a made-up string element has no pandas_type, so it adds nothing either
      (meta.columns ?? []).flatMap((c) =>
        c.pandas_type === "datetime" && typeof c.field_name === "string" ? [c.field_name] : [],
      ),
    );
  } catch {
    return new Set();
  }
};

// One raw value (in its unit) as wall-clock ISO text without zone, at the unit's precision.
const wallClock = (raw: bigint, unit: number): string => {
  if (unit === 0) return new Date(Number(raw) * 1000).toISOString().slice(0, 19);
  const perMs = PER_MS[unit as 1 | 2 | 3];
  let ms = raw / perMs;
  let sub = raw % perMs;
  if (sub < 0n) [ms, sub] = [ms - 1n, sub + perMs];
  const base = new Date(Number(ms)).toISOString().slice(0, 23);
  return unit === 1 ? base : base + sub.toString().padStart(unit === 2 ? 3 : 6, "0");
};

/**
 * The values of a zone-less timestamp column as ISO-8601 text without zone
 * (`2024-01-01T09:30:00.000`), exactly what a zone-less CSV holds: `@peak/contracts` then
 * judges them `naive_timestamp` (or, with `requireTz: false` / `timezone`, reads them as such).
 */
export const naiveText = (batches: readonly RawBatch[], unit: number): Array<string | null> => {
  const out: Array<string | null> = [];
  for (const batch of batches) {
    // Writers leave the validity bitmap out when a batch has no nulls (pyarrow, flechette):
    // then every value is present, and isValid, reading the missing bitmap, would say none is.
    const all = batch.nullCount === 0 || !batch.validity;
    for (let i = 0; i < batch.length; i += 1) {
      out.push(all || batch.isValid(i) ? wallClock(BigInt(batch.values[i]!), unit) : null);
    }
  }
  return out;
};
