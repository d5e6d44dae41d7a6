import { join } from "node:path";
import { DuckDBInstance } from "@duckdb/node-api";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ohlcvTable } from "../shared/__fixtures__/ohlcv";
import { useTempDirs } from "../shared/__fixtures__/temp-dir";
import { atomicReadTable as atomicRead } from "../read/atomic-read-table";
import { atomicWrite } from "../write/atomic-write";

const tempDir = useTempDirs();
let connection: Awaited<ReturnType<DuckDBInstance["connect"]>>;

beforeAll(async () => {
  connection = await (await DuckDBInstance.create(":memory:")).connect();
});
afterAll(() => connection.closeSync());

const rows = async (sql: string) => (await connection.runAndReadAll(sql)).getRowObjectsJson();

describe("Parquet interop with DuckDB", () => {
  it("DuckDB reads our Parquet with identical values and UTC timestamps", async () => {
    const path = join(await tempDir(), "ours.parquet");
    const table = ohlcvTable(100, 1);
    await atomicWrite(table, path, { checksum: true });
    const schema = await rows(`DESCRIBE SELECT * FROM read_parquet('${path}')`);
    expect(schema.map((c) => [c.column_name, c.column_type])).toEqual([
      ["timestamp", "TIMESTAMP WITH TIME ZONE"],
      ["open", "DOUBLE"],
      ["high", "DOUBLE"],
      ["low", "DOUBLE"],
      ["close", "DOUBLE"],
      ["volume", "DOUBLE"],
    ]);
    const back = await rows(
      `SELECT epoch_ms("timestamp")::DOUBLE AS "timestamp", open, high, low, close, volume FROM read_parquet('${path}')`,
    );
    expect(back).toEqual(table.objects());
    const [first] = await rows(
      `SELECT strftime("timestamp" AT TIME ZONE 'UTC', '%Y-%m-%dT%H:%M') AS t FROM read_parquet('${path}') LIMIT 1`,
    );
    expect(first?.t).toBe("2024-01-01T00:00");
  });

  it("atomicRead reads Parquet written by DuckDB", async () => {
    const path = join(await tempDir(), "duck.parquet");
    await connection.run(`COPY (
      SELECT TIMESTAMPTZ '2024-01-01 00:00:00+00' + to_minutes(i) AS "timestamp",
             100.5 + i AS close, i * 10 AS volume, 'BTC' AS symbol
      FROM range(5) t(i)
    ) TO '${path}' (FORMAT parquet)`);
    const table = await atomicRead(path);
    const start = Date.UTC(2024, 0, 1);
    expect(table.objects()).toEqual(
      [0, 1, 2, 3, 4].map((i) => ({
        timestamp: start + i * 60_000,
        close: 100.5 + i,
        volume: i * 10,
        symbol: "BTC",
      })),
    );
  });
});
