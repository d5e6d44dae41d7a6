import { describe, expect, it } from "vitest";
import { readText, T0 } from "./__fixtures__/read-text";

const HEAD = "timestamp,open\n";
const M = 60_000;

describe("CsvReader lines", () => {
  it("skips empty, blank and lone-\\r lines but counts them", () => {
    const blanks = ["", "\r", " ", "\t", " \t \r", "  "];
    const got = readText([`${HEAD}${blanks.join("\n")}\n2024-01-01T00:00Z,1\n\n`]);
    expect(got).toEqual({
      names: ["timestamp", "open"],
      columns: [Float64Array.of(T0), Float64Array.of(1)],
      lines: [8],
      lineNo: 9,
    });
  });

  it("skips an empty or lone-\\r line handed over whole", () => {
    const got = readText([], {}, ["timestamp,open", "", "\r", "2024-01-01T00:00Z,1"]);
    expect(got.columns).toEqual([Float64Array.of(T0), Float64Array.of(1)]);
    expect(got.lines).toEqual([4]);
  });

  it("drops a byte-order mark at the start of the header only", () => {
    expect(readText(["\uFEFFtimestamp,open\n"]).names).toEqual(["timestamp", "open"]);
    expect(readText(["timestamp,a\uFEFFb\n"]).names).toEqual(["timestamp", "a\uFEFFb"]);
  });

  it("reads a line that starts with a space but is not blank", () => {
    const got = readText([`${HEAD} 2024-01-01T00:00Z, 2\n`]);
    expect(got.columns).toEqual([Float64Array.of(T0), Float64Array.of(2)]);
    expect(got.lines).toEqual([2]);
  });

  it("drops one \\r before the line break, and a \\r of a last line without one", () => {
    const got = readText([`timestamp,open\r\n2024-01-01T00:00Z,1\r\n2024-01-01T00:01Z,2\r`]);
    expect(got.names).toEqual(["timestamp", "open"]);
    expect(got.columns).toEqual([Float64Array.of(T0, T0 + M), Float64Array.of(1, 2)]);
  });

  it("gives the missing fields of a short line empty cells", () => {
    const got = readText(["timestamp,open,note\n2024-01-01T00:00Z\n2024-01-01T00:01Z,\n"]);
    expect(got.columns).toEqual([
      Float64Array.of(T0, T0 + M),
      Float64Array.of(Number.NaN, Number.NaN),
      Float64Array.of(Number.NaN, Number.NaN),
    ]);
    const quoted = readText(['timestamp,open\n"2024-01-01T00:00Z"\n']);
    expect(quoted.columns).toEqual([Float64Array.of(T0), Float64Array.of(Number.NaN)]);
  });

  it("ends a last text field at the line break, not at the next line's delimiter", () => {
    const got = readText(["timestamp,note\n2024-01-01T00:00Z,x\n2024-01-01T00:01Z,y\n"]);
    expect(got.columns[1]).toEqual(["x", "y"]);
  });

  it("reads data from the first line without a header", () => {
    const got = readText(["2024-01-01T00:00Z,1\n2024-01-01T00:01Z,2"], { header: false });
    expect(got.names).toEqual(["timestamp", "open"]);
    expect(got.columns).toEqual([Float64Array.of(T0, T0 + M), Float64Array.of(1, 2)]);
    expect(got.lines).toEqual([1, 2]);
  });

  it("uses the delimiter found in the first line for every row", () => {
    const got = readText(["timestamp;open\n2024-01-01T00:00Z;1,5\n"]);
    expect(got.columns).toEqual([Float64Array.of(T0), ["1,5"]]);
  });
});

describe("CsvReader quotes", () => {
  it("splits a quoted line by quotes, before and after unquoted lines", () => {
    const rows = ['"2024-01-01T00:00Z","1"', "2024-01-01T00:01Z,2", '2024-01-01T00:02Z,"3"'];
    const more = ["2024-01-01T00:03Z,4", '"2024-01-01T00:04Z",5'];
    const got = readText([`${HEAD}${[...rows, ...more].join("\n")}\n`]);
    const stamps = [0, 1, 2, 3, 4].map((k) => T0 + k * M);
    expect(got.columns).toEqual([Float64Array.from(stamps), Float64Array.of(1, 2, 3, 4, 5)]);
  });

  it("looks for quotes again in each chunk, in the last line and in a single line", () => {
    const last = '2024-01-01T00:02Z,3\n"x",""';
    const got = readText([HEAD, "2024-01-01T00:00Z,1\n", '2024-01-01T00:01Z,"2"\n', last]);
    expect(got.columns).toEqual([
      [T0, T0 + M, T0 + 2 * M, "x"],
      Float64Array.of(1, 2, 3, Number.NaN),
    ]);
    const lines = readText([], {}, [HEAD.trim(), "2024-01-01T00:00Z,1", '2024-01-01T00:01Z,"2"']);
    expect(lines.columns[1]).toEqual(Float64Array.of(1, 2));
  });

  it("keeps a quoted delimiter in its field", () => {
    const got = readText(['timestamp,note\n2024-01-01T00:00Z,"a,b"\n']);
    expect(got.columns[1]).toEqual(["a,b"]);
  });
});
