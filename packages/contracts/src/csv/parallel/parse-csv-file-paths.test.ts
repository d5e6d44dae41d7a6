import { mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import type { OhlcvCsvOptions } from "../csv-options";
import { createOhlcvCsvParser, type OhlcvCsvParser } from "../ohlcv-csv-parser";
import { openCount } from "../stream/__fixtures__/open-files";
import { parseOhlcvCsvFile, type CsvFileProgress, type CsvFileReadOptions } from "./parse-csv-file";

// Which way parseOhlcvCsvFile reads a file, seen through onProgress: one call per 1 MiB chunk
// on one thread, one per range (at its end) on worker threads. Both give the same table.
const dir = mkdtempSync(join(tmpdir(), "peak-csv-paths-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const T0 = Date.UTC(2024, 0, 1);
const HEADER = "timestamp,open,high,low,close,volume";
const rows = (n: number, sep = ",", stamp = (t: number) => new Date(t).toISOString()) =>
  Array.from({ length: n }, (_, i) =>
    [stamp(T0 + i * 60_000), 10 + (i % 3), 12, 9, 11, 100 + i].join(sep),
  );
const csv = (n: number, sep = ",") =>
  `${HEADER.replaceAll(",", sep)}\n${rows(n, sep).join("\n")}\n`;

let files = 0;
const file = (text: string) => {
  const path = join(dir, `f${files++}.csv`);
  writeFileSync(path, text);
  return path;
};
const columns = (p: OhlcvCsvParser) => {
  const table = p.finish();
  return table
    .columnNames()
    .map((n) => Array.from(table.column(n) as unknown as ArrayLike<unknown>));
};
/** The progress calls of reading `text`, after checking the table is the one-thread one. */
const progressOf = async (text: string, read: CsvFileReadOptions, options?: OhlcvCsvOptions) => {
  const seen: CsvFileProgress[] = [];
  const parser = await parseOhlcvCsvFile(file(text), options, {
    ...read,
    onProgress: (p) => seen.push(p),
  });
  const one = createOhlcvCsvParser(options);
  one.pushBytes(new TextEncoder().encode(text));
  expect(columns(parser)).toEqual(columns(one));
  return seen;
};
const parallel: CsvFileReadOptions = { parallelFrom: 0, workers: 2, rangeBytes: 4096 };
const text = csv(600);
const size = Buffer.byteLength(text);

describe("parseOhlcvCsvFile's choice of threads", () => {
  it("reads ranges on workers from parallelFrom bytes on, reporting each range's end", async () => {
    const seen = await progressOf(text, { ...parallel, parallelFrom: size });
    expect(seen.length).toBeGreaterThan(size / 4096 - 2);
    expect(seen.at(-1)).toEqual({ bytes: size, total: size, rows: 600 });
    expect(seen.map((p) => p.bytes)).toEqual([...seen.map((p) => p.bytes)].sort((a, b) => a - b));
  });

  it("reads on one thread below parallelFrom, with one worker, or with a time zone", async () => {
    const whole = [{ bytes: size, total: size, rows: 600 }];
    expect(await progressOf(text, { ...parallel, parallelFrom: size + 1 })).toEqual(whole);
    expect(await progressOf(text, { ...parallel, workers: 1 })).toEqual(whole);
    expect(await progressOf(text, { workers: 2, rangeBytes: 4096 })).toEqual(whole);
    const local = `${HEADER}\n${rows(600, ",", (t) => new Date(t).toISOString().slice(0, 19)).join("\n")}\n`;
    const zoned = await progressOf(local, parallel, { timezone: "Europe/Berlin" });
    expect(zoned).toEqual([
      { bytes: Buffer.byteLength(local), total: Buffer.byteLength(local), rows: 600 },
    ]);
  });

  it("reads 1 MiB chunks on one thread", async () => {
    const big = csv(40_000);
    const total = Buffer.byteLength(big);
    const seen = await progressOf(big, { workers: 1 });
    expect(seen.map((p) => p.bytes)).toEqual([1 << 20, 2 << 20, total].filter((b) => b <= total));
    expect(seen.at(-1)).toEqual({ bytes: total, total, rows: 40_000 });
  });

  it("keeps a small file in one range by default (ranges of at least 4 MiB)", async () => {
    const seen = await progressOf(text, { parallelFrom: 0, workers: 2 });
    expect(seen).toEqual([{ bytes: size, total: size, rows: 600 }]);
  });

  it("falls back to one thread when the first range has no header or a long line sits at a cut", async () => {
    const blanks = `${"\n".repeat(5000)}${text}`;
    const blankSize = Buffer.byteLength(blanks);
    expect((await progressOf(blanks, parallel)).map((p) => p.bytes)).toEqual([blankSize]);
    const noted = rows(600).map((r, k) => `${r},${k === 300 ? "y".repeat(70_000) : "x"}`);
    const wide = `${HEADER},note\n${noted.join("\n")}\n`;
    const seen = await progressOf(wide, parallel);
    expect(seen.map((p) => p.bytes)).toEqual([Buffer.byteLength(wide)]);
  });

  it("reads a non-ASCII delimiter on one thread and a DEL one on workers", async () => {
    const section = csv(600, "§");
    const seen = await progressOf(section, parallel, { delimiter: "§" });
    expect(seen.map((p) => p.bytes)).toEqual([Buffer.byteLength(section)]);
    const del = csv(600, "\x7f");
    expect((await progressOf(del, parallel, { delimiter: "\x7f" })).length).toBeGreaterThan(2);
  });

  it("closes the file", async () => {
    const path = file(text);
    await parseOhlcvCsvFile(path, undefined, parallel);
    expect(openCount(path)).toBe(0);
    expect(statSync(path).size).toBe(size);
  });
});
