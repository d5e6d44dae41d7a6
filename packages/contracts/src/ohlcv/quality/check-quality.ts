import type { RowColumns } from "../scan/row-checks";
import { calendarName } from "./calendar";
import { inferIntervalMs } from "./infer-interval";
import type { QualitySummary, QualityWarning } from "./quality-types";
import type { ResolvedQuality } from "./resolve-quality";
import { scanBars } from "./scan-bars";
import { scanStamps } from "./scan-stamps";
import { scanVolumeSpikes } from "./rules/volume-spike";
import { WarningCollector } from "./warning-collector";

/** What the quality pass adds to the report. */
export interface QualityResult {
  warnings: QualityWarning[];
  quality: QualitySummary;
}

/**
 * Runs the quality rules over the columns the hard rules already converted (no second
 * conversion): one pass over the stamps, one over the values, and a third only for
 * `volume_spike`. Rules whose columns are missing are skipped.
 */
export const checkQuality = (cols: RowColumns, q: ResolvedQuality): QualityResult => {
  const ms = cols.timestamp;
  const intervalMs = q.intervalMs ?? (ms === undefined ? 0 : inferIntervalMs(ms));
  const out = qualityCollector(q, intervalMs);
  if (ms !== undefined && intervalMs > 0) {
    scanStamps(ms, intervalMs, cols.timestampName, q, out);
  }
  const { open, high, low, close, volume } = cols;
  const barRules =
    q.rules.has("stale_price") || q.rules.has("zero_volume") || q.rules.has("price_jump");
  if (barRules && open && high && low && close && volume) {
    const values = { open: open.values, high: high.values, low: low.values, close: close.values };
    scanBars({ ...values, volume: volume.values }, q, out);
  }
  if (q.rules.has("volume_spike") && volume !== undefined) {
    scanVolumeSpikes(q, volume.values, "volume", out);
  }
  return { warnings: out.toWarnings(), quality: qualitySummary(q, intervalMs) };
};

/** The collector of the quality warnings, judged against `intervalMs`. */
export const qualityCollector = (q: ResolvedQuality, intervalMs: number): WarningCollector =>
  new WarningCollector({
    intervalMs,
    calendar: calendarName(q.calendar),
    maxMissingBars: q.maxMissingBars,
    jumpThreshold: q.jumpThreshold,
    volumeSpikeMultiple: q.volumeSpikeMultiple,
  });

/** The report's `quality` summary. */
export const qualitySummary = (q: ResolvedQuality, intervalMs: number): QualitySummary => ({
  intervalMs,
  intervalSource: q.intervalMs === undefined ? "median" : "option",
  calendar: calendarName(q.calendar),
});
