import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { checkOhlcv } from "../../ohlcv/check-ohlcv";
import type { OhlcvCsvOptions } from "../csv-options";
import { createOhlcvCsvParser, type OhlcvCsvParser } from "../ohlcv-csv-parser";
import { parseOhlcvCsvFile } from "./parse-csv-file";

const dir = mkdtempSync(join(tmpdir(), "peak-csv-parallel-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const T0 = Date.UTC(2024, 0, 1);

// ~2 MB of bars with defects sprinkled everywhere, including at range borders.
const csv = (rows: number, odd: (i: number) => string | undefined): string => {
  let out = "timestamp,open,high,low,close,volume\r\n";
  let seed = 7;
  for (let i = 0; i < rows; i++) {
    seed = (seed * 1103515245 + 12345) >>> 0;
    const low = 100 + (seed % 1000) / 100;
    const ts = new Date(T0 + i * 60_000).toISOString();
    out += odd(i) ?? `${ts},${low + 0.5},${low + 2},${low},${low + 1.5},${seed % 5000}\r\n`;
  }
  return out;
};

const describeRun = (parser: OhlcvCsvParser) => {
  const table = parser.finish();
  const report = checkOhlcv(table);
  const lines = report.violations.map((v) => v.rows.map(parser.lineOf));
  const columns = table
    .columnNames()
    .map((n) => Array.from(table.column(n) as unknown as ArrayLike<unknown>));
  return { report, lines, columns, last: parser.lineOf(table.numRows() - 1) };
};

const oneThread = (text: string, o?: OhlcvCsvOptions) => {
  const parser = createOhlcvCsvParser(o);
  parser.pushBytes(new TextEncoder().encode(text));
  return describeRun(parser);
};

const file = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};

const parallel = { parallelFrom: 0, workers: 2, rangeBytes: 1 << 15 };

describe("parseOhlcvCsvFile on worker threads", () => {
  it("gives the one-thread table, report and lines for a file full of defects", async () => {
    const text = csv(12_000, (i) => {
      if (i % 997 === 0) return "\r\n"; // blank lines shift the line numbers
      if (i % 1499 === 0) return `2024-01-01T00:00:00Z,1,2,0.5,1.5,${i}\r\n`; // unsorted, dupes
      if (i % 1201 === 0) return `"${new Date(T0 + i * 60_000).toISOString()}",1,"2",0.5,,x\r\n`;
      if (i % 1733 === 0) return `${T0 + i * 60_000},1,2,0.5,1.5,1e3\r\n`; // epoch ms
      return undefined;
    });
    const got = await parseOhlcvCsvFile(file("defects.csv", text), undefined, parallel);
    const want = oneThread(text);
    expect(want.report.ok).toBe(false);
    expect(describeRun(got)).toEqual(want);
  });

  it("gives the one-thread error, at its line, for a bad line deep in the file", async () => {
    const text = csv(12_000, (i) =>
      i === 9_000 ? "2024-01-01T00:00:00Z,1,2,3,4,5,6\n" : undefined,
    );
    const path = file("bad.csv", text);
    await expect(parseOhlcvCsvFile(path, undefined, parallel)).rejects.toThrow(
      "CSV line 9002 has 7 fields, the header has 6",
    );
  });

  it("reports progress up to the whole file and reads small files on one thread", async () => {
    const text = csv(8_000, () => undefined);
    const seen: number[] = [];
    const path = file("clean.csv", text);
    const parser = await parseOhlcvCsvFile(path, undefined, {
      ...parallel,
      onProgress: (p) => seen.push(p.bytes / p.total),
    });
    expect(parser.rows).toBe(8_000);
    expect(seen.at(-1)).toBe(1);
    expect(seen).toEqual([...seen].sort((a, b) => a - b));
    const small = await parseOhlcvCsvFile(path, { layout: "ccxt" });
    expect(describeRun(small)).toEqual(oneThread(text, { layout: "ccxt" }));
  });
});
