import { describe, expect, it } from "vitest";
import { resolveCsvOptions, type OhlcvCsvOptions } from "../csv-options";
import { CsvReader } from "../csv-reader";
import { lastScan } from "../text/iso-timestamp";
import { latin1 } from "./__fixtures__/latin1";
import { FastRow } from "./fast-row";

const T0 = Date.UTC(2024, 0, 1);

// A reader laid out as `names` split by `sep`, and its fast path.
const layout = (names: string[], sep = ",", options: OhlcvCsvOptions = {}) => {
  const reader = new CsvReader(resolveCsvOptions(options));
  reader.useLayout(sep, names);
  return { reader, fast: FastRow.forReader(reader) as FastRow };
};

// Reads each line (inside a padded buffer) and gives the results and the finished columns.
const readLines = (lines: string[], names = ["timestamp", "open"], sep = ",", o = {}) => {
  const { reader, fast } = layout(names, sep, o);
  const read = lines.map((line) => fast.read(latin1(`|${line}|`), 1, line.length + 1));
  return { read, columns: reader.columns.map((c) => c.finish()) };
};

describe("FastRow.forReader", () => {
  it("takes a one-byte ASCII delimiter and at least one column", () => {
    expect(layout(["timestamp", "open"], "\u007f").fast).toBeInstanceOf(FastRow);
    expect(layout(["timestamp", "open"], "\u0080").fast).toBeNull();
    expect(layout(["timestamp", "open"], "é").fast).toBeNull();
    expect(layout([]).fast).toBeNull();
  });
});

describe("FastRow.read", () => {
  it("appends a clean line of stamps and numbers", () => {
    const got = readLines(
      ["2024-01-01T00:00:00.250Z,1.5", "2024-01-01T00:00:01Z,-2", "2024-01-01 00:00:02+01:00,3"],
      ["timestamp", "open"],
    );
    expect(got).toEqual({
      read: [true, true, true],
      columns: [
        Float64Array.of(T0 + 250, T0 + 1000, T0 + 2000 - 3_600_000),
        Float64Array.of(1.5, -2, 3),
      ],
    });
  });

  it("refuses short and long lines and bad cells and appends nothing for them", () => {
    const names = ["timestamp", "open", "close"];
    const bad = [
      "2024-01-01T00:00Z,1",
      "2024-01-01T00:00Z,1,2,3",
      "2024-01-01T00:00Z,1,2,",
      "x,1,2",
    ];
    bad.push(
      "2024-01-01T00:00Z,1,a",
      "2024-01-01T00:00Z,1 ,2",
      "2024-01-01T00:00Z,1,2 ",
      "inf,1,2",
    );
    bad.push(",1,2", "2024-13-01,1,2", "NaN,1,2");
    const got = readLines([...bad, "2024-01-01T00:00Z,1,2"], names);
    expect(got).toEqual({
      read: [...bad.map(() => false), true],
      columns: [Float64Array.of(T0), Float64Array.of(1), Float64Array.of(2)],
    });
  });

  it("reads an empty last cell as NaN", () => {
    const got = readLines(["2024-01-01T00:00Z,1,", "2024-01-01T00:00Z,,"], ["timestamp", "a", "b"]);
    expect(got).toEqual({
      read: [true, true],
      columns: [
        Float64Array.of(T0, T0),
        Float64Array.of(1, Number.NaN),
        Float64Array.of(Number.NaN, Number.NaN),
      ],
    });
  });

  it("keeps epoch numbers in the timestamp column raw, for finish to convert", () => {
    const got = readLines(["1704067200000,1", "1704067260000;2"], ["timestamp", "open"]);
    expect(got.read).toEqual([true, false]);
    expect(got.columns).toEqual([Float64Array.of(T0), Float64Array.of(1)]);
  });

  it("keeps a zone-less stamp's exact text under requireTz, and reads it as UTC without", () => {
    const lines = ["2024-01-01T00:00:00.5,1", "2024-01-01 00:00,2"];
    expect(readLines(lines).columns[0]).toEqual(["2024-01-01T00:00:00.5", "2024-01-01 00:00"]);
    const utc = readLines(lines, ["timestamp", "open"], ",", { requireTz: false });
    expect(utc).toEqual({
      read: [true, true],
      columns: [Float64Array.of(T0 + 500, T0), Float64Array.of(1, 2)],
    });
  });

  it("reads the common 24-byte stamp as zoned whatever the scan before it found", () => {
    const { reader, fast } = layout(["open", "timestamp"]);
    lastScan.naive = true;
    const line = latin1("1,2024-01-01T00:00:00.000Z");
    expect(fast.read(line, 0, line.length)).toBe(true);
    expect(reader.columns.map((c) => c.finish())).toEqual([
      Float64Array.of(1),
      Float64Array.of(T0),
    ]);
  });

  it("does not take a delimiter at the fraction point for a longer stamp", () => {
    const one = readLines(["2024-01-01T00:00:00,123Z", "2024-01-01T00:00:00.123Z"], ["timestamp"]);
    expect(one).toEqual({ read: [false, true], columns: [Float64Array.of(T0 + 123)] });
    const semi = readLines(["2024-01-01T00:00:00,123Z;7"], ["timestamp", "open"], ";");
    expect(semi).toEqual({
      read: [true],
      columns: [Float64Array.of(T0 + 123), Float64Array.of(7)],
    });
  });

  it("finds the end of stamps of other lengths, before or after other cells", () => {
    const names = ["open", "timestamp", "close"];
    const got = readLines(
      [
        "1,2024-01-01T00:00:00Z,2",
        "1,2024-01-01T00:00:00.000000Z,2",
        "1,2024-01-01T00:00:00.000Z,2",
      ],
      names,
    );
    expect(got).toEqual({
      read: [true, true, true],
      columns: [Float64Array.of(1, 1, 1), Float64Array.of(T0, T0, T0), Float64Array.of(2, 2, 2)],
    });
    const tab = readLines(
      ["2024-01-01T00:00:00.000Z\t2", "2024-01-01T00:00Z\t3"],
      ["timestamp", "a"],
      "\t",
    );
    expect(tab).toEqual({
      read: [true, true],
      columns: [Float64Array.of(T0, T0), Float64Array.of(2, 3)],
    });
  });
});

describe("FastRow.read, where a guessed 24-byte stamp ends", () => {
  it("guesses only a stamp that ends at the line end or at a delimiter", () => {
    const got = readLines(["2024-01-01T00:00:00.000Z71", "2024-01-01T00:00:00.000Z,1"]);
    expect(got).toEqual({
      read: [false, true],
      columns: [Float64Array.of(T0), Float64Array.of(1)],
    });
    const { fast } = layout(["timestamp"]);
    expect(fast.read(latin1("2024-01-01T00:00:00.000Z"), 0, 20)).toBe(false);
    expect(fast.read(latin1("2024-01-01T00:00:00.000Z,"), 0, 20)).toBe(false);
  });

  it("does not guess when the delimiter can occur inside the stamp", () => {
    const spaced = readLines(["2024-01-01 00:00:00.000Z 1"], ["timestamp", "open"], " ");
    expect(spaced.read).toEqual([false]);
  });

  it("guesses from the stamp's own start, however far into the line it is", () => {
    const names = ["a", "b", "timestamp"];
    const line = "1,1234567890123456789012,2024-01-01T00:00:00.000Z";
    expect(readLines([line], names)).toEqual({
      read: [true],
      columns: [
        Float64Array.of(1),
        Float64Array.of(Number("1234567890123456789012")),
        Float64Array.of(T0),
      ],
    });
  });

  it("searches a shorter stamp's end within the line only", () => {
    const got = readLines(["1,2024-01-01T00:00Z", "2,2024-01-01T00:00:00Z"], ["open", "timestamp"]);
    expect(got).toEqual({
      read: [true, true],
      columns: [Float64Array.of(1, 2), Float64Array.of(T0, T0)],
    });
  });
});
