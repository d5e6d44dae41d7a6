import type { QualityCalendar } from "./quality-types";

const DAY_MS = 86_400_000;
// Grid points a custom or weekday calendar is asked about per gap, at most.
const MAX_PROBES = 10_000_000;

/** Monday to Friday in UTC (1970-01-01 was a Thursday). */
export const isUtcWeekday = (ms: number): boolean => {
  const dow = (((Math.floor(ms / DAY_MS) + 4) % 7) + 7) % 7;
  return dow >= 1 && dow <= 5;
};

/** The calendar's name for the report: `"custom"` for a function. */
export const calendarName = (calendar: QualityCalendar): string =>
  typeof calendar === "function" ? "custom" : calendar;

/**
 * How many bars the calendar expected strictly between two stamps `from < to` on the grid
 * `from + k * intervalMs`: every grid point for `"24/7"`, the ones the calendar accepts
 * otherwise (a weekend between two daily bars counts 0).
 */
export const missingBars = (
  from: number,
  to: number,
  intervalMs: number,
  calendar: QualityCalendar,
): number => {
  const points = Math.ceil((to - from) / intervalMs) - 1;
  if (points <= 0 || calendar === "24/7") return Math.max(points, 0);
  const expected = calendar === "weekdays" ? isUtcWeekday : calendar;
  const probes = Math.min(points, MAX_PROBES);
  let count = 0;
  for (let k = 1; k <= probes; k++) if (expected(from + k * intervalMs)) count++;
  return count;
};
