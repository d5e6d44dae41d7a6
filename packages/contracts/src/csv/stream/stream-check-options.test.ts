import { mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { checkOhlcv } from "../../ohlcv/check-ohlcv";
import type { OhlcvCheckOptions } from "../../ohlcv/types";
import type { OhlcvCsvOptions } from "../csv-options";
import { createOhlcvCsvParser } from "../ohlcv-csv-parser";
import type { CsvFileReadOptions } from "../parallel/parse-csv-file";
import { openCount } from "./__fixtures__/open-files";
import { streamCheckOhlcvCsvFile } from "./stream-check-file";

// The options and layouts streamCheckOhlcvCsvFile leaves to the in-memory check, and how
// its read options cut the file (seen through onProgress, called once per range).
const dir = mkdtempSync(join(tmpdir(), "peak-csv-stream-opts-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const T0 = Date.UTC(2024, 2, 1);
const HEADER = "timestamp,open,high,low,close,volume";
const line = (i: number, sep = ",") =>
  [new Date(T0 + i * 60_000).toISOString(), 100 + (i % 7), 110, 99, 101 + (i % 5), 1000 + i].join(
    sep,
  );
const text = (n: number, header = HEADER, sep = ",") =>
  `${header}\n${Array.from({ length: n }, (_, i) => line(i, sep)).join("\n")}\n`;

let files = 0;
const file = (content: string) => {
  const path = join(dir, `f${files++}.csv`);
  writeFileSync(path, content);
  return path;
};
const memory = (content: string, csv?: OhlcvCsvOptions, check?: OhlcvCheckOptions) => {
  const parser = createOhlcvCsvParser(csv);
  parser.pushBytes(new TextEncoder().encode(content));
  return checkOhlcv(parser.finish(), check);
};
const one: CsvFileReadOptions = { parallelFrom: 0, workers: 1 };
const stream = (path: string, csv?: OhlcvCsvOptions, check?: OhlcvCheckOptions, read = one) =>
  streamCheckOhlcvCsvFile(path, csv, check, read);

describe("streamCheckOhlcvCsvFile options", () => {
  it("gives checkOhlcv's report without quality options, and with the jump rule off", async () => {
    const content = text(30);
    const path = file(content);
    const report = await stream(path);
    expect(report).toEqual({ ok: true, rows: 30, violations: [] });
    expect(report).toEqual(memory(content));
    const noJump = { quality: { rules: ["gap", "stale_price"] } } as OhlcvCheckOptions;
    expect(await stream(path, undefined, noJump)).toEqual(memory(content, undefined, noJump));
  });

  it("leaves time zones, a different stamp column and volume_spike to the in-memory check", async () => {
    const path = file(text(20));
    expect(await stream(path, undefined, { timezone: "Europe/Berlin" })).toBeUndefined();
    expect(await stream(path, { timezone: "Europe/Berlin" })).toBeUndefined();
    expect(await stream(path, { timestampColumn: "timestamp" }, { timestampColumn: "t" })).toBe(
      undefined,
    );
    const spike = { quality: { rules: ["gap", "volume_spike"] } } as OhlcvCheckOptions;
    expect(await stream(path, undefined, spike)).toBeUndefined();
  });

  it("leaves a file without rows or without a needed column to the in-memory check", async () => {
    expect(await stream(file(`${HEADER}\n`))).toBeUndefined();
    expect(await stream(file(`\n${text(5)}`))).toBeUndefined(); // a blank first line: no header yet
    const noVolume = text(10, "timestamp,open,high,low,close,vol");
    expect(memory(noVolume).ok).toBe(false);
    expect(await stream(file(noVolume))).toBeUndefined();
    const noOpen = text(10, "timestamp,first,high,low,close,volume");
    expect(await stream(file(noOpen))).toBeUndefined();
  });

  it("leaves a headerless layout, a repeated name and a non-ASCII delimiter to the in-memory check", async () => {
    const rows = text(10).split("\n").slice(1).join("\n");
    expect(await stream(file(rows), { header: false })).toBeUndefined();
    expect(await stream(file(text(5, `${HEADER},open`)))).toBeUndefined();
    const section = text(10, HEADER.replaceAll(",", "§"), "§");
    expect(await stream(file(section), { delimiter: "§" })).toBeUndefined();
  });

  it("reads a DEL-delimited file, the highest one-byte delimiter it streams", async () => {
    const content = text(12, HEADER.replaceAll(",", "\x7f"), "\x7f");
    const csv = { delimiter: "\x7f" };
    const report = await stream(file(content), csv);
    expect(report).toEqual(memory(content, csv));
    expect(report?.rows).toBe(12);
  });

  it("treats a column named timestamp as data when another column holds the stamps", async () => {
    const content = text(10, "time,open,high,low,close,volume")
      .replace(/\n/g, ",7\n")
      .replace("volume,7", "volume,timestamp");
    const csv = { timestampColumn: "time" };
    const check = { timestampColumn: "time" };
    const report = await stream(file(content), csv, check);
    expect(report).toEqual(memory(content, csv, check));
    expect(report?.rows).toBe(10);
  });
});

describe("streamCheckOhlcvCsvFile ranges", () => {
  const content = text(40);
  const path = file(content);
  const size = statSync(path).size;
  const progress = async (read: CsvFileReadOptions) => {
    const seen: number[] = [];
    const report = await stream(path, undefined, undefined, {
      ...read,
      onProgress: (p) => seen.push(p.bytes),
    });
    expect(report).toEqual(memory(content));
    return seen;
  };

  it("cuts a file of parallelFrom bytes or more into ranges of rangeBytes", async () => {
    const seen = await progress({ workers: 1, parallelFrom: size, rangeBytes: 300 });
    expect(seen.length).toBeGreaterThan(size / 300 - 1);
    expect(seen.at(-1)).toBe(size);
    expect(await progress({ workers: 1, parallelFrom: size + 1, rangeBytes: 300 })).toEqual([size]);
    expect(await progress({ workers: 1, rangeBytes: 300 })).toEqual([size]);
  });

  it("keeps a small file in one range by default (ranges of at least 4 MiB)", async () => {
    expect(await progress({ workers: 1, parallelFrom: 0 })).toEqual([size]);
  });

  it("gives up on a line longer than a read of pieceBytes", async () => {
    expect(await stream(path, undefined, undefined, { ...one, pieceBytes: 30 })).toBeUndefined();
    expect(await stream(path, undefined, undefined, { ...one, pieceBytes: 60 })).toEqual(
      memory(content),
    );
  });

  it("passes on an error thrown by onProgress", async () => {
    const onProgress = () => {
      throw new RangeError("stop");
    };
    await expect(stream(path, undefined, undefined, { ...one, onProgress })).rejects.toThrow(
      new RangeError("stop"),
    );
  });

  it("closes the file", async () => {
    const own = file(content);
    expect(await stream(own)).toEqual(memory(content));
    expect(openCount(own)).toBe(0);
  });
});
