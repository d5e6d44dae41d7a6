import { parseTimestampText } from "../../csv/iso-timestamp";
import type { ViolationCollector } from "../violations/violation-collector";

const MAX_MS = 8.64e15;
const EPOCH_TEXT = /^\s*[+-]?\d+(?:\.\d+)?\s*$/;

// Epoch ms of one cell; NaN when missing or unparseable. Naive text is read as UTC.
const cellToMs = (cell: unknown, onNaive: () => void): number => {
  if (typeof cell === "number") return cell;
  if (cell instanceof Date) return cell.getTime();
  if (typeof cell === "bigint") return Number(cell);
  if (typeof cell !== "string") return Number.NaN;
  if (EPOCH_TEXT.test(cell)) return Number(cell);
  const parsed = parseTimestampText(cell);
  if (parsed === undefined) return Number.NaN;
  if (parsed.naive) onNaive();
  return parsed.ms;
};

/**
 * Turns a timestamp column into epoch milliseconds (UTC):
 * - numbers (any array or typed array) are epoch ms, zoned by definition;
 * - `Date` objects are instants, zoned by definition;
 * - strings are epoch ms digits or ISO-8601 read by {@link parseTimestampText}, never in local
 *   time; a zone-less string is read as UTC and, when `requireTz`, recorded as
 *   `naive_timestamp`.
 * Missing or unparseable cells become NaN; the row loop reports them as `invalid_timestamp`.
 */
export const toTimestampColumn = (
  data: ArrayLike<unknown>,
  column: string,
  requireTz: boolean,
  collector: ViolationCollector,
): Float64Array => {
  if (data instanceof Float64Array) return data;
  if (ArrayBuffer.isView(data)) {
    const out = new Float64Array(data.length);
    for (let i = 0; i < data.length; i++) out[i] = Number(data[i]);
    return out;
  }
  const out = new Float64Array(data.length);
  let row = 0;
  const onNaive = () => {
    if (requireTz) collector.addRow("naive_timestamp", column, row);
  };
  for (; row < data.length; row++) out[row] = cellToMs(data[row], onNaive);
  return out;
};

/** True when `ms` is a usable timestamp (finite and within the `Date` range). */
export const isValidMs = (ms: number): boolean => ms >= -MAX_MS && ms <= MAX_MS;
