// tableToBytes / tableFromBytes: the defaults they fill in (timestamp column, snappy, numbers)
// and the "(in memory)" path their errors name.
import * as aq from "arquero";
import { describe, expect, it } from "vitest";
import { CacheCorruptionError, ConfigError } from "@peak/errors";
import { tableFromBytes, tableToBytes } from "./table-bytes";
import { chunks } from "./__fixtures__/parquet-footer";

const T0 = Date.UTC(2024, 0, 1);

describe("tableToBytes", () => {
  it("treats `timestamp` as the timestamp column unless told otherwise", async () => {
    const table = aq.table({ timestamp: ["noon"], when: ["later"] });
    await expect(tableToBytes(table, "parquet")).rejects.toMatchObject({
      name: "ConfigError",
      context: { path: "(in memory)", column: "timestamp", row: 0, value: '"noon"' },
    });
    const error = await tableToBytes(table, "arrow", { timestampColumns: ["when"] }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).context).toMatchObject({ column: "when", value: '"later"' });
  });

  it("compresses with snappy unless told otherwise", async () => {
    const table = aq.table({ flat: new Float64Array(1000) });
    expect(chunks(await tableToBytes(table, "parquet"))).toEqual({
      flat: { codec: 1, dictionary: false },
    });
    expect(chunks(await tableToBytes(table, "parquet", { compression: "uncompressed" }))).toEqual({
      flat: { codec: 0, dictionary: false },
    });
  });
});

describe("tableFromBytes", () => {
  it("returns timestamps as numbers through the direct reader unless Dates are asked for", async () => {
    const bytes = await tableToBytes(
      aq.table({ timestamp: Float64Array.of(T0), close: Float64Array.of(2) }),
      "parquet",
    );
    const numbers = await tableFromBytes(bytes, "parquet");
    expect(numbers.column("close")).toBeInstanceOf(Float64Array);
    expect(numbers.objects()).toEqual([{ timestamp: T0, close: 2 }]);
    const dates = await tableFromBytes(bytes, "parquet", { dates: "date" });
    expect(dates.objects()).toEqual([{ timestamp: new Date(T0), close: 2 }]);
  });

  it("names the bytes (in memory) when they do not parse", async () => {
    const error = await tableFromBytes(Uint8Array.of(1), "parquet").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CacheCorruptionError);
    expect(error).toMatchObject({
      message: "Cannot parse parquet cache file (in memory)",
      context: { path: "(in memory)", format: "parquet" },
    });
  });
});
