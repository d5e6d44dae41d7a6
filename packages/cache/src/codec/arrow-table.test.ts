// Arrow IPC bytes to an arquero table: zoned timestamps as epoch ms or Dates, zone-less ones (or
// those pandas lists as naive) as wall-clock text at their unit, and damage thrown while reading.
import {
  float64,
  int64,
  tableFromArrays,
  tableToIPC,
  timestamp,
  TimeUnit,
  type DataType,
} from "@uwdata/flechette";
import { describe, expect, it } from "vitest";
import { arrowToTable } from "./arrow-table";

const ipc = (columns: Record<string, unknown[]>, types: Record<string, DataType>) =>
  tableToIPC(tableFromArrays(columns, { types }), { format: "file" })!;
const none = new Set<string>();

describe("arrowToTable", () => {
  const bytes = ipc(
    { at: [1, null], close: [1.5, 2.5] },
    { at: timestamp(TimeUnit.MILLISECOND, "UTC"), close: float64() },
  );

  it("gives zoned timestamps as epoch ms, or as Dates when asked", () => {
    expect(arrowToTable(bytes, "number", none).objects()).toEqual([
      { at: 1, close: 1.5 },
      { at: null, close: 2.5 },
    ]);
    expect(arrowToTable(bytes, "date", none).objects()).toEqual([
      { at: new Date(1), close: 1.5 },
      { at: null, close: 2.5 },
    ]);
  });

  it("gives zone-less timestamps as wall-clock text at their unit, every such column", () => {
    const naive = ipc(
      { ms: [1, null, 5], us: [0.002, 3, null], close: [1, 2, 3] },
      {
        ms: timestamp(TimeUnit.MILLISECOND),
        us: timestamp(TimeUnit.MICROSECOND),
        close: float64(),
      },
    );
    for (const dates of ["number", "date"] as const) {
      expect(arrowToTable(naive, dates, none).objects()).toEqual([
        { ms: "1970-01-01T00:00:00.001", us: "1970-01-01T00:00:00.000002", close: 1 },
        { ms: null, us: "1970-01-01T00:00:00.003000", close: 2 },
        { ms: "1970-01-01T00:00:00.005", us: null, close: 3 },
      ]);
    }
  });

  // Without nulls, writers leave the validity bitmap out; every value must still be read.
  it("gives every value of a zone-less column without nulls (no validity bitmap)", () => {
    const full = ipc(
      { ms: [1, 5], us: [0.002, -0.001] },
      { ms: timestamp(TimeUnit.MILLISECOND), us: timestamp(TimeUnit.MICROSECOND) },
    );
    expect(arrowToTable(full, "number", none).objects()).toEqual([
      { ms: "1970-01-01T00:00:00.001", us: "1970-01-01T00:00:00.000002" },
      { ms: "1970-01-01T00:00:00.005", us: "1969-12-31T23:59:59.999999" },
    ]);
    const zoned = ipc({ at: [1, 2] }, { at: timestamp(TimeUnit.MILLISECOND, "UTC") });
    expect(arrowToTable(zoned, "number", new Set(["at"])).objects()).toEqual([
      { at: "1970-01-01T00:00:00.001" },
      { at: "1970-01-01T00:00:00.002" },
    ]);
  });

  it("gives the columns pandas lists as naive as text even with a zone", () => {
    expect(arrowToTable(bytes, "number", new Set(["at", "close"])).objects()).toEqual([
      { at: "1970-01-01T00:00:00.001", close: 1.5 },
      { at: null, close: 2.5 },
    ]);
  });

  it("throws while reading a value it cannot give exactly, not later", () => {
    const big = ipc({ n: [2n ** 60n] }, { n: int64() });
    expect(() => arrowToTable(big, "number", none)).toThrow(
      "BigInt exceeds integer number representation",
    );
  });
});
