/** The six quality-warning rule names (exact strings, stable across versions). */
export const QUALITY_RULES = [
  "gap",
  "irregular_interval",
  "stale_price",
  "price_jump",
  "zero_volume",
  "volume_spike",
] as const;

/** One of the {@link QUALITY_RULES} names. */
export type QualityRule = (typeof QUALITY_RULES)[number];

/**
 * Whether a bar is expected at an instant (epoch ms, UTC): `"24/7"` (crypto, every grid
 * point), `"weekdays"` (Monday to Friday, UTC), or your own function, e.g. an exchange
 * calendar with holidays.
 */
export type QualityCalendar = "24/7" | "weekdays" | ((ms: number) => boolean);

/** Options of the quality warnings: `checkOhlcv(table, { quality: {…} })`. */
export interface OhlcvQualityOptions {
  /** The bar interval in ms; inferred from the median spacing when absent (see `report.quality`). */
  intervalMs?: number;
  /** When bars are expected. @defaultValue "24/7" */
  calendar?: QualityCalendar;
  /** Missing bars a gap may have before it is reported (a single holiday). @defaultValue 1 */
  maxMissingBars?: number;
  /** Rules to run. @defaultValue every rule except `volume_spike` */
  rules?: readonly QualityRule[];
  /** Shortest run of identical OHLC bars (zero or equal volume) that is `stale_price`. @defaultValue 10 */
  staleBars?: number;
  /** Shortest run of zero-volume bars that is `zero_volume`. @defaultValue 3 */
  zeroVolumeBars?: number;
  /** Relative close-to-close move that counts as a jump (0.2 = 20%). @defaultValue 0.2 */
  jumpThreshold?: number;
  /** A jump that comes back within this many bars is a spike. @defaultValue 3 */
  jumpRevertBars?: number;
  /** Also report jumps that persist (real events); they get `kind: "persistent"`. @defaultValue false */
  reportPersistentJumps?: boolean;
  /** `volume_spike`: volume above this multiple of the rolling median. @defaultValue 10 */
  volumeSpikeMultiple?: number;
  /** `volume_spike`: bars in the rolling median window (the previous bars). @defaultValue 20 */
  volumeSpikeWindow?: number;
}

/** One quality finding: the shape of a violation plus the size of each event. */
export interface QualityWarning {
  /** Which rule fired (one of {@link QUALITY_RULES}). */
  rule: QualityRule;
  /** The column the rule looked at, when it is about one column. */
  column?: string;
  /** `price_jump` only: `"spike"` (moved and came back) or `"persistent"`. */
  kind?: "spike" | "persistent";
  /** How many events (gaps, runs, spikes, rows) were found. */
  count: number;
  /**
   * The first 20 events' 0-based rows: for `gap` the first bar after the gap, for runs and
   * spikes the first bar of the run.
   */
  rows: number[];
  /** Per entry of `rows`: missing bars (`gap`), run length, or bars until the price came back. */
  lengths: number[];
  /** A one-line human description. */
  message: string;
  /** What to check or which option to change. */
  hint: string;
}

/** What the quality pass used, on `report.quality`. */
export interface QualitySummary {
  /** The bar interval judged against, in ms (0 when fewer than two valid stamps). */
  intervalMs: number;
  /** `"option"` when `intervalMs` was given, `"median"` when inferred from the stamps. */
  intervalSource: "option" | "median";
  /** The calendar name, or `"custom"` for a function. */
  calendar: string;
}
