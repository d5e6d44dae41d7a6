// Zone-less timestamps: which fields count as naive (Arrow without a zone, or pandas `datetime`),
// and their values as wall-clock ISO text at each Arrow time unit, before 1970 included.
import { describe, expect, it } from "vitest";
import { isNaiveTimestamp, naiveText, pandasNaiveColumns } from "./naive-timestamps";

const field = (name: string, typeId: number, timezone?: string | null) => ({
  name,
  type: timezone === undefined ? { typeId } : { typeId, timezone },
});
const none = new Set<string>();
/** One batch of raw values (null = invalid). */
// A batch as flechette reads it: no validity bitmap when nothing is null.
const batch = (...values: (bigint | null)[]) => {
  const nullCount = values.filter((v) => v === null).length;
  return {
    length: values.length,
    nullCount,
    validity: nullCount === 0 ? null : Uint8Array.of(0),
    values: values.map((v) => v ?? 0n),
    isValid: (i: number) => nullCount > 0 && values[i] !== null,
  };
};

describe("isNaiveTimestamp", () => {
  it("is true for a timestamp without a zone, of any spelling, or listed naive by pandas", () => {
    expect(isNaiveTimestamp(field("t", 10, null), none)).toBe(true);
    expect(isNaiveTimestamp(field("t", 10), none)).toBe(true);
    expect(isNaiveTimestamp(field("t", 10, ""), none)).toBe(true);
    expect(isNaiveTimestamp(field("t", 10, "UTC"), none)).toBe(false);
    expect(isNaiveTimestamp(field("t", 10, "UTC"), new Set(["t"]))).toBe(true);
    expect(isNaiveTimestamp(field("t", 2), new Set(["t"]))).toBe(false);
    expect(isNaiveTimestamp(field("t", 10, "UTC"), new Set(["u"]))).toBe(false);
  });
});

describe("pandasNaiveColumns", () => {
  it("lists the columns pandas records as zone-less datetime, by field name", () => {
    const json = JSON.stringify({
      columns: [
        { field_name: "a", pandas_type: "datetime" },
        { field_name: "b", pandas_type: "datetimetz" },
        { field_name: 3, pandas_type: "datetime" },
        { pandas_type: "datetime" },
        { field_name: "c", pandas_type: "float64" },
        { field_name: "d", pandas_type: "datetime" },
      ],
    });
    expect([...pandasNaiveColumns(json)]).toEqual(["a", "d"]);
  });

  it("is empty without metadata, without columns, or for metadata that is not JSON", () => {
    expect(pandasNaiveColumns(undefined).size).toBe(0);
    expect(pandasNaiveColumns("{}").size).toBe(0);
    expect(pandasNaiveColumns("{not json").size).toBe(0);
  });
});

describe("naiveText", () => {
  const at = Date.UTC(2024, 0, 2, 9, 30, 15, 250); // 2024-01-02T09:30:15.250
  it("writes each unit at its own precision, across batches, nulls kept", () => {
    const s = BigInt(Math.floor(at / 1000));
    expect(naiveText([batch(s), batch(null, s + 1n)], 0)).toEqual([
      "2024-01-02T09:30:15",
      null,
      "2024-01-02T09:30:16",
    ]);
    expect(naiveText([batch(BigInt(at))], 1)).toEqual(["2024-01-02T09:30:15.250"]);
    expect(naiveText([batch(BigInt(at) * 1_000n + 7n)], 2)).toEqual(["2024-01-02T09:30:15.250007"]);
    expect(naiveText([batch(BigInt(at) * 1_000_000n + 4_321n)], 3)).toEqual([
      "2024-01-02T09:30:15.250004321",
    ]);
  });

  it("borrows a millisecond for a time before 1970, and pads a fraction of zero", () => {
    // One microsecond before the epoch: 1969-12-31T23:59:59.999 and 999 µs.
    expect(naiveText([batch(-1n)], 2)).toEqual(["1969-12-31T23:59:59.999999"]);
    expect(naiveText([batch(-1n)], 3)).toEqual(["1969-12-31T23:59:59.999999999"]);
    expect(naiveText([batch(-1_000n)], 2)).toEqual(["1969-12-31T23:59:59.999000"]);
    expect(naiveText([batch(-2n)], 0)).toEqual(["1969-12-31T23:59:58"]);
    expect(naiveText([batch(0n)], 3)).toEqual(["1970-01-01T00:00:00.000000000"]);
  });
});
