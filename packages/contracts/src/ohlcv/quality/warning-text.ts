import type { QualityRule, QualityWarning } from "./quality-types";

/** What a warning's message may mention. */
export interface WarningFacts {
  column: string;
  kind: QualityWarning["kind"];
  count: number;
  rows: number[];
  lengths: number[];
  intervalMs: number;
  calendar: string;
  maxMissingBars: number;
  jumpThreshold: number;
  volumeSpikeMultiple: number;
}

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? "" : "s"}`;

/** `60000` → `1m`, `86400000` → `1d`: the largest unit that divides the interval. */
export const formatInterval = (ms: number): string => {
  const units: Array<[string, number]> = [
    ["w", 604_800_000],
    ["d", 86_400_000],
    ["h", 3_600_000],
    ["m", 60_000],
    ["s", 1000],
  ];
  for (const [unit, size] of units) if (ms >= size && ms % size === 0) return `${ms / size}${unit}`;
  return `${ms}ms`;
};

// "4 at row 12, 2 at row 40, …" for the first three events.
const firstEvents = (f: WarningFacts, what: string): string => {
  const shown = f.rows
    .slice(0, 3)
    .map((row, k) => `${plural(f.lengths[k] as number, what)} at row ${row}`);
  return shown.join(", ") + (f.count > shown.length ? ", …" : "");
};

type Describe = (f: WarningFacts) => { message: string; hint: string };

const TEXT: Record<QualityRule, Describe> = {
  gap: (f) => ({
    message: `${plural(f.count, "gap")} in '${f.column}' beyond ${plural(f.maxMissingBars, "missing bar")} (interval ${formatInterval(f.intervalMs)}, calendar ${f.calendar}): ${firstEvents(f, "missing bar")}`,
    hint: "Backfill the missing bars from the provider, or raise maxMissingBars / pass the exchange calendar if these are real closures",
  }),
  irregular_interval: (f) => ({
    message: `'${f.column}' is off the ${formatInterval(f.intervalMs)} grid at ${plural(f.count, "row")}`,
    hint: "Resample to the bar interval or drop the stray bars; pass intervalMs if the inferred interval is wrong",
  }),
  stale_price: (f) => ({
    message: `${plural(f.count, "run")} of identical OHLC bars with zero or equal volume: ${firstEvents(f, "bar")}`,
    hint: "The feed probably froze and repeated its last bar: re-fetch these bars, or raise staleBars for illiquid instruments",
  }),
  price_jump: (f) =>
    f.kind === "persistent"
      ? {
          message: `${plural(f.count, "persistent move")} in '${f.column}' beyond ${f.jumpThreshold * 100}% that did not come back (rows of the move)`,
          hint: "Usually a real event (crash, split, news): check for an unadjusted split or dividend if unexpected",
        }
      : {
          message: `${plural(f.count, "spike")} in '${f.column}' beyond ${f.jumpThreshold * 100}% that came back: ${firstEvents(f, "bar")}`,
          hint: "Probably bad ticks: drop or repair those bars, or raise jumpThreshold for very volatile instruments",
        },
  zero_volume: (f) => ({
    message: `${plural(f.count, "run")} of zero '${f.column}': ${firstEvents(f, "bar")}`,
    hint: "Check whether the market was open and the feed delivered trades; raise zeroVolumeBars for illiquid instruments",
  }),
  volume_spike: (f) => ({
    message: `'${f.column}' is above ${f.volumeSpikeMultiple}x its rolling median at ${plural(f.count, "row")}`,
    hint: "Check for a units change or double-counted trades; real events (index rebalancing, news) also spike volume",
  }),
};

/** The message and hint of one quality warning. */
export const describeWarning = (rule: QualityRule, facts: WarningFacts) => TEXT[rule](facts);
