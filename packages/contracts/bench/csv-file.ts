// Writes an N-row OHLCV CSV file and reads it back with parseOhlcvCsvStream (the CLI's path).
import { once } from "node:events";
import { createReadStream, createWriteStream, mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { checkOhlcv, parseOhlcvCsvStream } from "../src/index";
import { T0 } from "./data";

const writeCsv = async (path: string, rows: number): Promise<void> => {
  const out = createWriteStream(path);
  out.write("timestamp,open,high,low,close,volume\n");
  let seed = 12345;
  for (let start = 0; start < rows; start += 10_000) {
    let chunk = "";
    for (let i = start; i < Math.min(rows, start + 10_000); i++) {
      seed = (seed * 1103515245 + 12345) >>> 0;
      const low = 100 + (seed % 1000) / 100;
      const ts = new Date(T0 + i * 60_000).toISOString();
      chunk += `${ts},${low + 0.5},${low + 2},${low},${low + 1.5},${1000 + (seed % 5000)}\n`;
    }
    if (!out.write(chunk)) await once(out, "drain");
  }
  out.end();
  await once(out, "finish");
};

export interface CsvFileResult {
  rows: number;
  fileBytes: number;
  parseMs: number;
  checkMs: number;
  ok: boolean;
}

/** Times parseOhlcvCsvStream + checkOhlcv on a fresh temp file; removes it afterwards. */
export const csvFileRoundTrip = async (rows: number): Promise<CsvFileResult> => {
  const dir = mkdtempSync(join(tmpdir(), "peak-contracts-csv-"));
  try {
    const path = join(dir, "bars.csv");
    await writeCsv(path, rows);
    const start = performance.now();
    const table = await parseOhlcvCsvStream(createReadStream(path, { highWaterMark: 1 << 20 }));
    const parsed = performance.now();
    const ok = checkOhlcv(table).ok;
    const checkMs = performance.now() - parsed;
    return {
      rows: table.numRows(),
      fileBytes: statSync(path).size,
      parseMs: parsed - start,
      checkMs,
      ok,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
};
