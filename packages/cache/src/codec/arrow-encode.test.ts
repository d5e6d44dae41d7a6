// What the Arrow writer reuses (Arrow-backed columns of an unfiltered, unordered table), how it
// builds the rest with the chosen types, and the two IPC formats it writes.
import { fromArrow, table, type ColumnTable } from "arquero";
import * as arquero from "arquero";
import {
  int64,
  tableFromArrays,
  tableFromIPC,
  tableToIPC,
  timestamp,
  TimeUnit,
} from "@uwdata/flechette";
import { describe, expect, it } from "vitest";
import { ipcBytes, passthroughColumns, toFlechette } from "./arrow-encode";
import { arrowTypesFor } from "./arrow-types";

/** An arquero table read from Arrow: µs timestamps with a zone and int64 values. */
const fromIpc = (): ColumnTable => {
  const arrow = tableFromArrays(
    { ts: [1, 2], volume: [3n, 4n] },
    { types: { ts: timestamp(TimeUnit.MICROSECOND, "America/New_York"), volume: int64() } },
  );
  return fromArrow(tableFromIPC(tableToIPC(arrow, { format: "stream" })!) as never);
};
const { ColumnTable: Columns } = arquero as unknown as {
  ColumnTable: new (columns: Record<string, unknown>) => ColumnTable;
};

describe("passthroughColumns", () => {
  it("keeps every Arrow-backed column of an unfiltered, unordered table, as it is", () => {
    const t = fromIpc().assign({ close: [1.5, 2.5] });
    const keep = passthroughColumns(t);
    expect([...keep.keys()]).toEqual(["ts", "volume"]);
    expect(keep.get("ts")).toBe(t.column("ts"));
    expect(keep.get("volume")).toBe(t.column("volume"));
  });

  it("keeps nothing of a filtered or ordered table", () => {
    const t = fromIpc();
    expect(passthroughColumns(t.filter(() => true)).size).toBe(0);
    expect(passthroughColumns(t.orderby("ts")).size).toBe(0);
    expect(passthroughColumns(table({ close: [1] })).size).toBe(0);
  });

  it("takes a column as Arrow-backed only with a data array and a numeric type id", () => {
    const kept = (column: unknown) => passthroughColumns(new Columns({ c: column })).has("c");
    expect(kept({ data: [], type: { typeId: 2 } })).toBe(true);
    expect(kept({ data: {}, type: { typeId: 2 } })).toBe(false);
    expect(kept({ data: [], type: { typeId: "2" } })).toBe(false);
    expect(kept({ data: [], type: {} })).toBe(false);
    expect(kept({ data: [] })).toBe(false);
    expect(kept([1, 2])).toBe(false);
    expect(kept(Object.assign(() => 0, { data: [], type: { typeId: 2 } }))).toBe(false);
  });
});

describe("toFlechette and ipcBytes", () => {
  const fieldsOf = (t: ReturnType<typeof toFlechette>) =>
    t.schema.fields.map((f) => [f.name, f.type.typeId]);

  it("reuses kept columns and builds the others with their types, in the table's order", () => {
    const t = fromIpc()
      .assign({ close: [1, 2], at: [5, 6] })
      .select("close", "ts", "at", "volume");
    const keep = passthroughColumns(t);
    const built = toFlechette(t, arrowTypesFor(t, ["at"]), keep);
    expect(fieldsOf(built)).toEqual([
      ["close", 3],
      ["ts", 10],
      ["at", 10],
      ["volume", 2],
    ]);
    expect(built.getChild("ts")).toBe(keep.get("ts"));
    expect(built.schema.fields[1]!.type).toMatchObject({ unit: 2, timezone: "America/New_York" });
    expect(built.schema.fields[2]!.type).toMatchObject({ unit: 1, timezone: "UTC" });
    expect(built.getChild("at").data[0]!.values).toEqual(BigInt64Array.of(5n, 6n));
  });

  it("writes a table of kept columns only, and one of built columns only", () => {
    const kept = fromIpc();
    const all = toFlechette(kept, {}, passthroughColumns(kept));
    expect(all.getChild("volume")).toBe(kept.column("volume"));
    const plain = table({ close: [1, 2] });
    expect(fieldsOf(toFlechette(plain, arrowTypesFor(plain, []), new Map()))).toEqual([
      ["close", 3],
    ]);
  });

  it("never reads a kept column: an int64 beyond 2^53 is written as it was", () => {
    const big = tableFromArrays({ big: [2n ** 60n, 1n] }, { types: { big: int64() } });
    const ipc = tableToIPC(big, { format: "stream" })!;
    const t = fromArrow(tableFromIPC(ipc) as never).assign({ close: [1.5, 2.5] });
    const built = toFlechette(t, {}, passthroughColumns(t));
    expect(built.getChild("big").data[0]!.values).toEqual(BigInt64Array.of(2n ** 60n, 1n));
  });

  it("writes the file format between ARROW1 magics and the stream format without", () => {
    const t = toFlechette(table({ close: [1.5, 2.5] }), {}, new Map());
    const file = ipcBytes(t, "file");
    expect(new TextDecoder().decode(file.subarray(0, 6))).toBe("ARROW1");
    expect(new TextDecoder().decode(file.subarray(file.length - 6))).toBe("ARROW1");
    const stream = ipcBytes(t, "stream");
    expect([...stream.subarray(0, 4)]).toEqual([0xff, 0xff, 0xff, 0xff]);
    for (const bytes of [file, stream]) {
      expect(tableFromIPC(bytes).getChild("close").toArray()).toEqual(Float64Array.of(1.5, 2.5));
    }
  });
});
