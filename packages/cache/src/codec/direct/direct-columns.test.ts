import * as aq from "arquero";
import { describe, expect, it } from "vitest";
import { rememberOrigin } from "./column-origin";
import { directColumns } from "./direct-columns";

const int64s = (plain: Uint8Array): bigint[] => Array.from(new BigInt64Array(plain.slice().buffer));

describe("directColumns", () => {
  it("takes typed arrays as they are, without a copy", () => {
    const close = Float64Array.of(1.5, -2);
    const ratio = Float32Array.of(0.25, 4);
    const trades = Int32Array.of(-7, 2 ** 31 - 1);
    const columns = directColumns(aq.table({ close, ratio, trades }), []);
    expect(columns?.map((c) => [c.name, c.kind])).toEqual([
      ["close", "double"],
      ["ratio", "float"],
      ["trades", "int32"],
    ]);
    const [c, r, t] = columns!;
    expect(c!.plain.buffer).toBe(close.buffer);
    expect(r!.plain.buffer).toBe(ratio.buffer);
    expect(t!.plain.buffer).toBe(trades.buffer);
    expect(Array.from(new Float64Array(c!.plain.slice().buffer))).toEqual([1.5, -2]);
    expect(t!.plain).toEqual(new Uint8Array(trades.buffer));
  });

  it("writes number arrays as doubles and timestamp columns as int64 milliseconds", () => {
    const edges = [
      0,
      1,
      -1,
      2 ** 32,
      -(2 ** 32) - 1,
      2 ** 53 - 1,
      -(2 ** 53 - 1),
      1_700_000_000_000,
    ];
    const [ts, close] = directColumns(aq.table({ ts: edges, close: [1, 2.5, 3, 4, 5, 6, 7, 8] }), [
      "ts",
    ])!;
    expect(ts!.kind).toBe("timestamp-ms-utc");
    expect(int64s(ts!.plain)).toEqual(edges.map((v) => BigInt(v)));
    expect(close!.kind).toBe("double");
    expect(Array.from(new Float64Array(close!.plain.slice().buffer))).toEqual([
      1, 2.5, 3, 4, 5, 6, 7, 8,
    ]);
    const typed = directColumns(aq.table({ ts: Float64Array.from(edges) }), ["ts"])!;
    expect(int64s(typed[0]!.plain)).toEqual(edges.map((v) => BigInt(v)));
  });

  it("writes a column the direct reader read back as the Parquet kind it came from", () => {
    const stamps = Float64Array.of(1, 2);
    const counts = Float64Array.of(-3, 4);
    rememberOrigin(stamps, "timestamp-ms-utc");
    rememberOrigin(counts, "int64");
    const columns = directColumns(aq.table({ stamps, counts, plain: Float64Array.of(5, 6) }), []);
    expect(columns?.map((c) => c.kind)).toEqual(["timestamp-ms-utc", "int64", "double"]);
    expect(int64s(columns![1]!.plain)).toEqual([-3n, 4n]);
    const fractional = Float64Array.of(1.5, 2);
    rememberOrigin(fractional, "int64");
    expect(directColumns(aq.table({ fractional }), [])).toBeUndefined();
  });

  it("leaves a timestamp that is not a whole safe number to the general path", () => {
    for (const bad of [1.5, Number.NaN, Infinity, 2 ** 53, -(2 ** 53)]) {
      expect(directColumns(aq.table({ ts: [0, bad] }), ["ts"]), `${bad}`).toBeUndefined();
    }
    expect(directColumns(aq.table({ ts: Float32Array.of(1) }), ["ts"])).toBeUndefined();
    expect(directColumns(aq.table({ ts: Int32Array.of(1) }), ["ts"])).toBeUndefined();
  });

  it("leaves nulls, Dates, strings, other arrays and reshaped tables to the general path", () => {
    for (const values of [
      [1, null],
      [1, undefined],
      [new Date(0)],
      ["1"],
      Uint8Array.of(1),
      [1n],
    ]) {
      expect(
        directColumns(aq.table({ ok: [1, 2].slice(0, values.length), x: values }), []),
      ).toBeUndefined();
    }
    const table = aq.table({ x: [3, 1, 2] });
    expect(directColumns(table, [])).toHaveLength(1);
    expect(
      directColumns(
        table.filter((d: { x: number }) => d.x > 1),
        [],
      ),
    ).toBeUndefined();
    expect(directColumns(table.orderby("x"), [])).toBeUndefined();
    expect(directColumns(aq.table({ x: [] }), [])).toBeUndefined();
    const arrow = aq.fromArrow(aq.table({ x: [1, 2] }).toArrowIPC());
    expect(directColumns(arrow, [])).toBeUndefined();
  });
});
