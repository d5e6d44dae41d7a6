import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import * as aq from "arquero";
import { isCacheCorruptionError, isConfigError } from "@peak/errors";
import { describe, expect, it } from "vitest";
import { ohlcvTable } from "../shared/__fixtures__/ohlcv";
import { useTempDirs } from "../shared/__fixtures__/temp-dir";
import { atomicRead } from "./atomic-read";
import { atomicReadTable } from "./atomic-read-table";
import { atomicWrite } from "../write/atomic-write";

const tempDir = useTempDirs();

describe.each(["parquet", "arrow"])("atomicWrite / atomicRead of a .%s table", (ext) => {
  it("round-trips values exactly, with timestamps as epoch-ms numbers", async () => {
    const path = join(await tempDir(), `bars.${ext}`);
    const table = ohlcvTable(50, 3);
    await atomicWrite(table, path, { checksum: true });
    const back = await atomicReadTable(path, { verifyChecksum: true });
    expect(back.columnNames()).toEqual(table.columnNames());
    expect(back.objects()).toEqual(table.objects());
    expect(typeof back.get("timestamp", 0)).toBe("number");
  });

  it("stores Date columns as UTC instants and returns Dates on request", async () => {
    const path = join(await tempDir(), `dates.${ext}`);
    const when = [new Date("2024-03-10T01:30:00Z"), new Date("2024-03-10T12:00:00.123Z")];
    await atomicWrite(aq.table({ when, label: ["a", "b"], n: [1, 2] }), path);
    const numbers = await atomicReadTable(path);
    expect(numbers.array("when")).toEqual(when.map((d) => d.getTime()));
    expect(numbers.objects()[1]).toEqual({ when: when[1]?.getTime(), label: "b", n: 2 });
    const dates = await atomicReadTable(path, { dates: "date" });
    expect(dates.get("when", 1)).toEqual(when[1]);
  });

  it("keeps pre-1970, far-future, millisecond and missing timestamps", async () => {
    const path = join(await tempDir(), `edge.${ext}`);
    const timestamp = [-946_684_799_877, null, Date.UTC(2200, 0, 1, 0, 0, 0, 1), 0];
    await atomicWrite(aq.table({ timestamp, close: [1, 2, 3, 4] }), path);
    expect((await atomicReadTable(path)).array("timestamp")).toEqual(timestamp);
  });

  it("writes the same bytes for the same table", async () => {
    const dir = await tempDir();
    const a = await atomicWrite(ohlcvTable(20), join(dir, `a.${ext}`), { checksum: true });
    const b = await atomicWrite(ohlcvTable(20), join(dir, `b.${ext}`), { checksum: true });
    expect(a.checksum?.hex).toBe(b.checksum?.hex);
  });

  it("raises CacheCorruptionError for bytes that do not parse", async () => {
    const path = join(await tempDir(), `junk.${ext}`);
    await writeFile(path, "definitely not a table");
    const error: unknown = await atomicRead(path).catch((e: unknown) => e);
    expect(isCacheCorruptionError(error)).toBe(true);
    expect((error as { context: object }).context).toMatchObject({ path, format: ext });
  });
});

describe("table format selection", () => {
  it("refuses to write a table to a bytes path", async () => {
    const path = join(await tempDir(), "bars.bin");
    await expect(atomicWrite(ohlcvTable(2), path)).rejects.toSatisfy(isConfigError);
  });

  it("honours an explicit format and returns raw bytes for format bytes", async () => {
    const path = join(await tempDir(), "bars.cache");
    await atomicWrite(ohlcvTable(5), path, { format: "arrow" });
    expect((await atomicRead(path, { format: "arrow" })).numRows()).toBe(5);
    expect(await atomicRead(path, { format: "bytes" })).toBeInstanceOf(Uint8Array);
  });

  it("raises ConfigError naming the row for text, NaN or fractional ms in a timestamp column", async () => {
    const path = join(await tempDir(), "bad.parquet");
    for (const bad of ["2024-01-01", Number.NaN, 1.5, new Date(Number.NaN)]) {
      const table = aq.table({ timestamp: [0, bad], close: [1, 2] });
      const error: unknown = await atomicWrite(table, path).catch((e: unknown) => e);
      expect(isConfigError(error)).toBe(true);
      expect((error as { context: object }).context).toMatchObject({ column: "timestamp", row: 1 });
    }
  });
});
