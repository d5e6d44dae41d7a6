import { ConfigError, didYouMean } from "@peak/errors";

/** The units an epoch number can be in. */
export const EPOCH_UNITS = ["s", "ms", "us", "ns"] as const;

/** One of {@link EPOCH_UNITS}: seconds, milliseconds, microseconds or nanoseconds. */
export type EpochUnit = (typeof EPOCH_UNITS)[number];

/** `epochUnit` option: a fixed unit, or `"auto"` to infer it from the magnitudes. */
export type EpochUnitOption = EpochUnit | "auto";

const MAX_MS = 8.64e15;
const DIVISOR: Readonly<Record<EpochUnit, number>> = { s: 1e-3, ms: 1, us: 1e3, ns: 1e6 };

// Under "auto" a value belongs to the unit whose window holds it: 1973-03-03 to 2286-11-20
// in that unit. The windows are a factor of ten apart, so no value fits two units.
/** The `auto` window of epoch milliseconds: `[low, high)`. */
export const MS_WINDOW = { low: 1e11, high: 1e13 } as const;

const windowOf = (v: number): EpochUnit | undefined => {
  if (v >= 1e8 && v < 1e10) return "s";
  if (v >= MS_WINDOW.low && v < MS_WINDOW.high) return "ms";
  if (v >= 1e14 && v < 1e16) return "us";
  if (v >= 1e17 && v < 1e19) return "ns";
  return undefined;
};

/**
 * Epoch milliseconds of `value` in `unit`, or NaN when it cannot be a timestamp: outside the
 * `Date` range, outside the unit's window under `auto`, or fractional beyond what a float64
 * millisecond column keeps (a fraction is sub-unit precision for `s` and `ms`, never for `us`
 * or `ns`).
 */
export const epochToMs = (value: number, unit: EpochUnit, auto: boolean): number => {
  if (auto && windowOf(value) !== unit) return Number.NaN;
  if (!Number.isInteger(value) && (unit === "us" || unit === "ns")) return Number.NaN;
  const ms = unit === "s" ? value * 1000 : value / DIVISOR[unit];
  return ms >= -MAX_MS && ms <= MAX_MS ? ms : Number.NaN;
};

const SAMPLE = 1024;

/**
 * Infers the unit of an epoch column from the magnitudes of up to 1,024 evenly spaced values
 * (`isEpoch(i)` says which rows hold epoch numbers): the unit most of them fit, ties to `ms`.
 * Returns `undefined` when no value fits any unit.
 */
export const inferEpochUnit = (
  values: ArrayLike<number>,
  isEpoch: (row: number) => boolean = () => true,
): EpochUnit | undefined => {
  const n = values.length;
  const counts: Record<EpochUnit, number> = { s: 0, ms: 0, us: 0, ns: 0 };
  const tally = (i: number) => {
    if (!isEpoch(i)) return 0;
    const unit = windowOf(values[i] as number);
    if (unit !== undefined) counts[unit]++;
    return unit === undefined ? 0 : 1;
  };
  let found = 0;
  const step = Math.max(1, n / SAMPLE);
  for (let k = 0; k * step < n; k++) found += tally(Math.floor(k * step));
  for (let i = 0; found === 0 && i < n; i++) found += tally(i);
  if (found === 0) return undefined;
  return EPOCH_UNITS.reduce((best, u) => (counts[u] > counts[best] ? u : best), "ms");
};

/**
 * Checks an `epochUnit` option value.
 *
 * @throws ConfigError naming `option` when the value is not `auto`, `s`, `ms`, `us` or `ns`.
 */
export const checkEpochUnit = (value: unknown, option = "epochUnit"): EpochUnitOption => {
  if (value === undefined) return "auto";
  const known = ["auto", ...EPOCH_UNITS];
  if (typeof value === "string" && known.includes(value)) return value as EpochUnitOption;
  const text = typeof value === "string" ? value : typeof value;
  throw new ConfigError(`Expected \`${option}\` to be one of ${known.join(", ")}, got ${text}`, {
    hint:
      (typeof value === "string" ? didYouMean(value, known) : undefined) ??
      'Pass epochUnit: "s" for epoch seconds, "ms", "us", "ns", or "auto" to infer it',
    context: { option, received: text },
  });
};
