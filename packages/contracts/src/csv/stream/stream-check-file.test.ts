import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { checkOhlcv } from "../../ohlcv/check-ohlcv";
import type { OhlcvCheckOptions, OhlcvReport } from "../../ohlcv/types";
import { createOhlcvCsvParser } from "../ohlcv-csv-parser";
import type { CsvFileReadOptions } from "../parallel/parse-csv-file";
import { streamCheckOhlcvCsvFile } from "./stream-check-file";

const dir = mkdtempSync(join(tmpdir(), "peak-csv-stream-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const T0 = Date.UTC(2024, 2, 1);
const MIN = 60_000;
// Tiny ranges and reads, so every kind of line lands on a range and a read border somewhere.
const tiny: CsvFileReadOptions = { parallelFrom: 0, workers: 1, rangeBytes: 300, pieceBytes: 150 };
const checks: OhlcvCheckOptions = { quality: {} };

interface Bar {
  t: number;
  o: number;
  h: number;
  l: number;
  c: number;
  v: number;
}

const bars = (n: number): Bar[] =>
  Array.from({ length: n }, (_, i) => {
    const l = 100 + ((i * 37) % 50) / 10;
    return { t: T0 + i * MIN, o: l + 0.5, h: l + 2, l, c: l + 1.25, v: 1000 + ((i * 7919) % 500) };
  });

const lineOf = (b: Bar) => `${new Date(b.t).toISOString()},${b.o},${b.h},${b.l},${b.c},${b.v}`;

const textOf = (rows: string[], eol = "\n", last = eol) =>
  `timestamp,open,high,low,close,volume${eol}${rows.join(eol)}${last}`;

let files = 0;
/** The in-memory report (the bytes through the parser, then checkOhlcv) and the streamed one. */
const both = async (text: string, read = tiny, options = checks) => {
  const path = join(dir, `f${files++}.csv`);
  writeFileSync(path, text);
  const parser = createOhlcvCsvParser();
  parser.pushBytes(new TextEncoder().encode(text));
  const memory = checkOhlcv(parser.finish(), options);
  const streamed = await streamCheckOhlcvCsvFile(path, undefined, options, read);
  return { memory, streamed };
};

const barWarnings = (r: OhlcvReport) =>
  (r.warnings ?? []).some((w) => !["gap", "irregular_interval"].includes(w.rule));

/** Streaming never differs: it gives the in-memory report, or undefined (then the caller reads in memory). */
const expectSameOrNone = async (text: string, read = tiny) => {
  const { memory, streamed } = await both(text, read);
  if (streamed !== undefined) expect(streamed).toEqual(memory);
  if (!memory.ok || barWarnings(memory)) expect(streamed).toBeUndefined();
  return { memory, streamed };
};

describe("streamCheckOhlcvCsvFile", () => {
  it("gives the in-memory report for clean files: CRLF, BOM, blank lines, no final line break", async () => {
    const rows = bars(40).map(lineOf);
    const texts = [
      textOf(rows),
      textOf(rows, "\r\n"),
      `\uFEFF${textOf(rows, "\r\n", "")}`,
      textOf(rows, "\n", ""),
      textOf(
        rows.flatMap((r, i) => (i % 7 === 3 ? ["", r] : [r])),
        "\r\n",
      ),
    ];
    for (const text of texts) {
      const { memory, streamed } = await both(text);
      expect(memory.ok).toBe(true);
      expect(streamed).toEqual(memory);
    }
  });

  it("replays gap and irregular-interval warnings exactly, across every border", async () => {
    for (let at = 1; at < 38; at++) {
      const list = bars(40);
      const shifted = list.map((b, i) => (i >= at ? { ...b, t: b.t + 5 * MIN } : b));
      if (at % 3 === 0) (shifted[at] as Bar).t += 30_000; // off the grid
      const { memory, streamed } = await both(textOf(shifted.map(lineOf)));
      expect((memory.warnings ?? []).length).toBeGreaterThan(0);
      expect(streamed).toEqual(memory);
    }
  });

  it("never differs when a defect sits at any range or read border", async () => {
    const defects: ((b: Bar, prev: Bar) => string)[] = [
      (b, prev) => lineOf({ ...b, t: prev.t }), // duplicate
      (b, prev) => lineOf({ ...b, t: prev.t - MIN }), // unsorted
      (b) => lineOf({ ...b, h: b.l - 1 }), // high below low
      (b) => lineOf({ ...b, c: b.c * 3, h: b.c * 3 }), // a price jump
      (b) => lineOf({ ...b, v: 0 }), // zero volume (a run with the next rows)
      (_b, prev) => lineOf({ ...prev, t: _b.t }), // a stale bar
      (b) => `${new Date(b.t).toISOString()},${b.o},${b.h},${b.l},,${b.v}`, // empty cell
      (b) => `"${new Date(b.t).toISOString()}",${b.o},${b.h},${b.l},${b.c},${b.v}`, // quoted
      (b) => `${b.t},${b.o},${b.h},${b.l},${b.c},${b.v}`, // epoch ms
      (b) => `${new Date(b.t).toISOString().slice(0, 19)},${b.o},${b.h},${b.l},${b.c},${b.v}`,
    ];
    for (const [kind, defect] of defects.entries()) {
      for (let at = 1; at < 20; at++) {
        const list = bars(24);
        const rows = list.map((b, i) => {
          const bad = i >= at && i < at + (kind === 4 || kind === 5 ? 12 : 1);
          return bad ? defect(b, list[i - 1] as Bar) : lineOf(b);
        });
        await expectSameOrNone(textOf(rows, at % 2 === 0 ? "\r\n" : "\n"));
      }
    }
  });

  it("joins stale and zero-volume runs across borders: quiet below the thresholds, left alone at them", async () => {
    for (let at = 1; at < 16; at++) {
      for (const [len, stale] of [
        [2, false],
        [3, false],
        [8, true],
        [9, true],
        [10, true],
      ] as const) {
        const list = bars(30);
        const rows = list.map((b, i) => {
          if (i < at || i >= at + len) return lineOf(b);
          return lineOf(stale ? { ...(list[at - 1] as Bar), t: b.t } : { ...b, v: 0 });
        });
        const { memory, streamed } = await expectSameOrNone(textOf(rows));
        const quiet = (memory.warnings ?? []).length === 0;
        expect(quiet).toBe(stale ? len + 1 < 10 : len < 3);
        if (quiet) expect(streamed).toEqual(memory);
      }
    }
  });

  it("checks ranges on a worker and this thread alike, and reports progress to the end", async () => {
    const rows = bars(3000).map(lineOf);
    const seen: number[] = [];
    const read: CsvFileReadOptions = {
      parallelFrom: 0,
      workers: 2,
      rangeBytes: 1 << 14,
      pieceBytes: 1 << 12,
      onProgress: (p) => seen.push(p.bytes / p.total),
    };
    const { memory, streamed } = await both(textOf(rows), read);
    expect(streamed).toEqual(memory);
    expect(seen.at(-1)).toBe(1);
    const broken = rows.map((r, i) => (i === 2500 ? r.replace(/,[^,]*$/, ",-5") : r));
    const { onProgress: _, ...quiet } = read;
    expect((await both(textOf(broken), quiet)).streamed).toBeUndefined();
  });

  it("leaves files it cannot judge to the in-memory check", async () => {
    const rows = bars(10).map(lineOf);
    expect((await both(textOf(rows).split("\n")[0] as string)).streamed).toBeUndefined();
    expect((await both(textOf(rows, "\n"), tiny, { ...checks, strict: false })).streamed).toBe(
      undefined,
    );
    const noVolume = textOf(rows).replace(/,[^,\n]*$/gm, "");
    expect((await both(noVolume)).streamed).toBeUndefined();
  });
});
