import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { checkOhlcv } from "../../ohlcv/check-ohlcv";
import type { OhlcvCheckOptions } from "../../ohlcv/types";
import { createOhlcvCsvParser } from "../ohlcv-csv-parser";
import { streamCheckOhlcvCsvFile } from "./stream-check-file";

// streamReport through the file check: the stamp warnings it replays under each rule set.
const dir = mkdtempSync(join(tmpdir(), "peak-csv-stream-report-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const DAY = 86_400_000;
const csv = (stamps: number[]) =>
  `timestamp,open,high,low,close,volume\n${stamps
    .map((t, i) => `${new Date(t).toISOString()},10,12,9,${11 + (i % 3) / 10},${500 + i}\n`)
    .join("")}`;

let files = 0;
/** The streamed report and the in-memory one. */
const both = async (stamps: number[], check: OhlcvCheckOptions) => {
  const text = csv(stamps);
  const path = join(dir, `f${files++}.csv`);
  writeFileSync(path, text);
  const parser = createOhlcvCsvParser();
  parser.pushBytes(new TextEncoder().encode(text));
  const memory = checkOhlcv(parser.finish(), check);
  const read = { parallelFrom: 0, workers: 1, rangeBytes: 200, pieceBytes: 100 };
  return { memory, streamed: await streamCheckOhlcvCsvFile(path, undefined, check, read) };
};
const rulesOf = (r: { warnings?: { rule: string }[] }) => (r.warnings ?? []).map((w) => w.rule);

// Minute bars with a 10-minute hole after row 20 and a stamp 30 s off the grid at row 30.
const T0 = Date.UTC(2024, 2, 1);
const holed = Array.from(
  { length: 40 },
  (_, i) => T0 + (i < 20 ? i : i + 9) * 60_000 + (i === 30 ? 30_000 : 0),
);

describe("streamReport's stamp warnings", () => {
  it("replays the gap rule alone, and the interval rule alone", async () => {
    for (const [rules, want] of [
      [["gap"], ["gap"]],
      [["irregular_interval"], ["irregular_interval"]],
      [[], []],
    ] as const) {
      const { memory, streamed } = await both(holed, { quality: { rules: [...rules] } });
      expect(rulesOf(memory)).toEqual(want);
      expect(streamed).toEqual(memory);
    }
  });

  it("replays a weekday calendar from the true stamps after a run of regular spacings", async () => {
    const monday = Date.UTC(2024, 2, 4);
    const stamps = [0, 1, 2, 3, 4, 7, 8, 9, 10, 11, 14, 15, 16, 17, 18].map(
      (d) => monday + d * DAY,
    );
    const { memory, streamed } = await both(stamps, { quality: { calendar: "weekdays" } });
    expect(memory.warnings).toEqual([]);
    expect(streamed).toEqual(memory);
  });
});
