// Bytes through a RangeScanner as checkRange feeds it, and the state plain parsers give.
import { expect } from "vitest";
import { RangeScanner, ROLE } from "../range-scanner";
import { RowState } from "../row-state";

export const ROLES = Uint8Array.of(
  ROLE.timestamp,
  ROLE.open,
  ROLE.high,
  ROLE.low,
  ROLE.close,
  ROLE.volume,
);
export const COMMA = 44;

/** Scans `text` in pieces cut at `cuts` as checkRange does: unfinished lines are carried over. */
export const scan = (text: string, cuts: number[] = [], roles = ROLES, maxLine = 1_000) => {
  const bytes = Buffer.from(text, "latin1");
  const scanner = new RangeScanner(roles, COMMA, Infinity, maxLine);
  let keep = new Uint8Array(0);
  const ends = [...cuts.filter((c) => c > 0 && c < bytes.length), bytes.length];
  let from = 0;
  for (const end of ends) {
    const buffer = new Uint8Array(keep.length + end - from + 1);
    buffer.set(keep);
    buffer.set(bytes.subarray(from, end), keep.length);
    const filled = buffer.length - 1; // buffer[filled] is the 0 sentinel
    const used = scanner.scan(buffer, 0, filled, end === bytes.length);
    if (used < 0) break;
    keep = buffer.slice(used, filled);
    from = end;
  }
  return { scanner, left: keep.length };
};
/** The state the rows should give, from values parsed the plain way. */
export const expected = (rows: string[][]) => {
  const state = new RowState(Infinity);
  for (const [t, ...rest] of rows)
    state.add(Float64Array.from([Date.parse(t!), ...rest.map(Number)]));
  return state;
};
export const same = (a: RowState, b: RowState) => {
  expect(a.rows).toBe(b.rows);
  expect(Array.from(a.first)).toEqual(Array.from(b.first));
  expect(Array.from(a.last())).toEqual(Array.from(b.last()));
  expect(a.runs()).toEqual(b.runs());
  expect(Array.from(a.spacings.values.subarray(0, a.spacings.size))).toEqual(
    Array.from(b.spacings.values.subarray(0, b.spacings.size)),
  );
};
// The first row's prices and volume as the scanner read them.
export const firstBar = (text: string) => Array.from(scan(text).scanner.state.first.subarray(1));
export const ROWS = [
  ["2024-01-02T03:04:05.678Z", "10", "11.25", "9.5", "10.125", "0"],
  ["2024-01-02T03:05:05Z", "10.5", "12", "0.000001", "11", "123456789012345"],
  ["2024-01-02T04:05:05+01:00", "1e0", "1", "1", "1", "-0"],
  ["2024-01-02T03:07:05.1Z", "100", "100", "100", "100", "3.5"],
  ["2024-01-02 03:08:05.250Z", "0.5", "0.75", "0.25", "0.5", "999999999999999"],
];
