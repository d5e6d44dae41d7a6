import { join } from "node:path";
import { DuckDBInstance } from "@duckdb/node-api";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
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

describe("zone-less Parquet timestamps", () => {
  it("come back as zone-less ISO text, as a zone-less CSV would", async () => {
    const path = join(await tempDir(), "naive.parquet");
    await connection.run(`COPY (
      SELECT TIMESTAMP '2024-01-01 09:30:00.123456' + to_hours(i) AS "timestamp", 1.5 AS close
      FROM range(2) t(i)) TO '${path}' (FORMAT parquet)`);
    const table = await atomicRead(path);
    expect(table.array("timestamp")).toEqual([
      "2024-01-01T09:30:00.123456",
      "2024-01-01T10:30:00.123456",
    ]);
  });

  it("are refused on write with a clear error instead of being stored as text", async () => {
    const dir = await tempDir();
    await connection.run(
      `COPY (SELECT TIMESTAMP '2024-01-01 00:00' AS "timestamp") TO '${join(dir, "n.parquet")}' (FORMAT parquet)`,
    );
    const table = await atomicRead(join(dir, "n.parquet"));
    await expect(
      atomicWrite(
        table.filter(() => true),
        join(dir, "out.parquet"),
      ),
    ).rejects.toThrow(/not a timestamp/);
  });
});

describe("Parquet read-write round trip", () => {
  it("keeps µs timestamps with their zone and int64 volume exactly", async () => {
    const dir = await tempDir();
    const source = join(dir, "duck.parquet");
    await connection.run(`COPY (
      SELECT TIMESTAMPTZ '2024-01-01 00:00:00.123456+00' + to_minutes(i) AS "timestamp",
             (100.25 + i)::DOUBLE AS close, (9007199254740000 + i)::BIGINT AS volume
      FROM range(3) t(i)) TO '${source}' (FORMAT parquet)`);
    const back = join(dir, "back.parquet");
    await atomicWrite(await atomicRead(source), back, { checksum: true });
    const query = (p: string) =>
      rows(
        `SELECT epoch_us("timestamp")::VARCHAR AS us, close, volume::VARCHAR AS volume FROM read_parquet('${p}')`,
      );
    expect(await query(back)).toEqual(await query(source));
    const schema = await rows(`DESCRIBE SELECT * FROM read_parquet('${back}')`);
    expect(schema.map((c) => c.column_type)).toEqual([
      "TIMESTAMP WITH TIME ZONE",
      "DOUBLE",
      "BIGINT",
    ]);
  });

  it("writes pandas metadata that makes the zoned timestamp column the index", async () => {
    const path = join(await tempDir(), "bars.parquet");
    await atomicWrite((await import("../shared/__fixtures__/ohlcv")).ohlcvTable(3, 1), path);
    const [kv] = await rows(
      `SELECT decode(value) AS v FROM parquet_kv_metadata('${path}') WHERE decode(key) = 'pandas'`,
    );
    const pandas = JSON.parse(kv?.v as string);
    expect(pandas.index_columns).toEqual(["timestamp"]);
    expect(pandas.columns[0]).toMatchObject({
      name: "timestamp",
      pandas_type: "datetimetz",
      metadata: { timezone: "UTC" },
    });
  });
});
