// Tables that are views of another (filtered, ordered) and timestamp values JSON cannot show,
// through the public byte codec.
import { table } from "arquero";
import { describe, expect, it } from "vitest";
import { ConfigError } from "@peak/errors";
import { tableFromBytes, tableToBytes } from "./table-bytes";

describe("tableToBytes on views and odd values", () => {
  it("writes a filtered table's own rows with the types those rows call for", async () => {
    const source = table({
      a: [null, null, 5, 7],
      timestamp: [null, null, new Date(0), new Date(1)],
    });
    const kept = source.filter((r: { a: number }) => r.a > 6);
    for (const format of ["arrow", "parquet"] as const) {
      const back = await tableFromBytes(await tableToBytes(kept, format), format);
      expect(back.objects()).toEqual([{ a: 7, timestamp: 1 }]);
    }
  });

  it("refuses a BigInt timestamp with a ConfigError naming column, row and value", async () => {
    const error: unknown = await tableToBytes(table({ timestamp: [1, 2n] }), "arrow").catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).message).toBe(
      "Column `timestamp` holds 2n at row 1, not a timestamp",
    );
    expect((error as ConfigError).context).toMatchObject({
      column: "timestamp",
      row: 1,
      value: "2n",
    });
  });
});
