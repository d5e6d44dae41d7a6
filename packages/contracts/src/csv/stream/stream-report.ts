import { qualityCollector, qualitySummary } from "../../ohlcv/quality/check-quality";
import type { ResolvedQuality } from "../../ohlcv/quality/resolve-quality";
import { medianSpacing } from "../../ohlcv/quality/infer-interval";
import { gapRule } from "../../ohlcv/quality/rules/gap";
import { irregularIntervalRule } from "../../ohlcv/quality/rules/irregular-interval";
import type { WarningCollector } from "../../ohlcv/quality/warning-collector";
import type { ResolvedOhlcvOptions } from "../../ohlcv/resolve-options";
import type { OhlcvReport } from "../../ohlcv/types";
import type { MergedRanges } from "./merge-results";
import type { SpacingRuns } from "./spacing-runs";

/** `inferIntervalMs` over the encoded spacings of `n` stamps (spacing i-1 is row i's). */
const inferInterval = (s: SpacingRuns, n: number): number => {
  let run = 0;
  let runEnd = s.counts[0] ?? 0; // rows 1…runEnd belong to run 0
  return medianSpacing(n, (i) => {
    while (i > runEnd) runEnd += s.counts[++run] as number;
    return s.values[run] as number;
  });
};

/** `scanStamps` replayed over the encoded spacings: a spacing of one interval costs nothing. */
const replayStamps = (
  m: MergedRanges,
  intervalMs: number,
  name: string,
  q: ResolvedQuality,
  out: WarningCollector,
) => {
  // Stryker disable next-line ConditionalExpression: with both rules off their steps do nothing, so replaying is only wasted work
  if (!q.rules.has("gap") && !q.rules.has("irregular_interval")) return;
  const gap = gapRule(q, intervalMs, name, out);
  const grid = irregularIntervalRule(q, intervalMs, name, out);
  const { values, counts, size } = m.spacings;
  let prev = m.firstStamp;
  grid.start(prev);
  let row = 1;
  // Stryker disable next-line EqualityOperator: one step past size reads an empty slot (count 0 or undefined), which replays no row
  for (let k = 0; k < size; k++) {
    const d = values[k] as number;
    const count = counts[k] as number;
    if (d === intervalMs) {
      prev += d * count;
      row += count;
      continue;
    }
    for (let j = 0; j < count; j++, row++) {
      const t = prev + d;
      gap(row, prev, t);
      grid(row, prev, t);
      prev = t;
    }
  }
};

/** Quality warnings that can still fire on a clean stream: false when one would (the caller falls back). */
const runsQuiet = (m: MergedRanges, q: ResolvedQuality): boolean => {
  const stale = q.rules.has("stale_price") && m.stale.longest >= Math.max(1, q.staleBars - 1);
  const zero = q.rules.has("zero_volume") && m.zero.longest >= Math.max(1, q.zeroVolumeBars);
  return !stale && !zero && !q.rules.has("volume_spike");
};

/**
 * The report `checkOhlcv` gives for the table of a clean stream (no row broke a hard rule,
 * no bar rule fired): the same rows, interval, stamp warnings and summary. Undefined when
 * the stream cannot be judged this way (the caller then checks the table in memory).
 */
export const streamReport = (
  m: MergedRanges,
  opts: ResolvedOhlcvOptions,
): OhlcvReport | undefined => {
  if (!m.clean || m.rows === 0) return undefined;
  const q = opts.quality;
  const base = { ok: true, rows: m.rows, violations: [] };
  if (q === undefined) return base;
  if (!runsQuiet(m, q)) return undefined;
  const intervalMs = q.intervalMs ?? inferInterval(m.spacings, m.rows);
  const out = qualityCollector(q, intervalMs);
  // Stryker disable next-line ConditionalExpression,EqualityOperator: the interval is 0 only for one row (a clean stream's stamps strictly ascend), which has no spacing to replay
  if (intervalMs > 0) replayStamps(m, intervalMs, opts.timestampColumn, q, out);
  return { ...base, warnings: out.toWarnings(), quality: qualitySummary(q, intervalMs) };
};
