import { describe, expect, it } from "vitest";
import { byteRun, cutAt } from "./__fixtures__/byte-run";

const T0 = Date.UTC(2024, 0, 1);
const utf8 = (text: string) => new TextEncoder().encode(text);
const CLEAN = "timestamp,open\n2024-01-01T00:00:00.000Z,1.5\n2024-01-01T00:00:01Z,2\n";
const cleanTable = {
  names: ["timestamp", "open"],
  columns: [Float64Array.of(T0, T0 + 1000), Float64Array.of(1.5, 2)],
  lines: [2, 3],
  lineNo: 3,
  viaText: ["timestamp,open"],
};

describe("ByteCsvReader, line by line", () => {
  it("reads clean lines from bytes and only the header as text", () => {
    expect(byteRun([utf8(CLEAN)])).toEqual(cleanTable);
    expect(byteRun([utf8(CLEAN.replaceAll("\n", "\r\n"))])).toEqual({
      ...cleanTable,
      viaText: ["timestamp,open\r"],
    });
  });

  it("gives the same table however the bytes are cut, in two or three chunks", () => {
    const b = utf8(CLEAN);
    for (let cut = 0; cut <= b.length; cut++) {
      expect(byteRun(cutAt(b, [cut])), `cut ${cut}`).toEqual(cleanTable);
      expect(byteRun(cutAt(b, [cut, Math.min(b.length, cut + 5)])), `cut ${cut}`).toEqual(
        cleanTable,
      );
    }
    expect(byteRun(cutAt(b, [16, 20, 30, 40]))).toEqual(cleanTable);
  });

  it("hands blank, indented, quoted and odd lines to the text reader", () => {
    const odd = ["", " ", " 2024-01-01T00:00Z,3", '2024-01-01T00:00Z,"4"', "2024-01-01T00:00Z,5 "];
    const got = byteRun([utf8(`timestamp,open\n${odd.join("\n")}\n2024-01-01T00:00Z,6`)]);
    expect(got).toEqual({
      names: ["timestamp", "open"],
      columns: [Float64Array.of(T0, T0, T0, T0), Float64Array.of(3, 4, 5, 6)],
      lines: [4, 5, 6, 7],
      lineNo: 7,
      viaText: ["timestamp,open", ...odd, "2024-01-01T00:00Z,6"],
    });
  });

  it("reads a last line without a break as text at the flush, its \\r dropped", () => {
    const got = byteRun([utf8("timestamp,open\n2024-01-01T00:00Z,1\r")]);
    expect(got.columns).toEqual([Float64Array.of(T0), Float64Array.of(1)]);
    expect(got.viaText).toEqual(["timestamp,open", "2024-01-01T00:00Z,1\r"]);
  });

  it("drops a byte-order mark at the start of a file only", () => {
    const bom = [0xef, 0xbb, 0xbf];
    const withBom = Uint8Array.from([...bom, ...utf8(CLEAN)]);
    for (const cut of [1, 2, 3, 4]) expect(byteRun(cutAt(withBom, [cut]))).toEqual(cleanTable);
    const headless = Uint8Array.from([...bom, ...utf8("2024-01-01T00:00:00Z,1\n")]);
    const first = byteRun([headless], { header: false });
    expect(first.columns).toEqual([Float64Array.of(T0), Float64Array.of(1)]);
    const later = byteRun([utf8(CLEAN), Uint8Array.from([...bom, ...utf8("2024-01-01T00:00Z,3")])]);
    expect(later.viaText).toEqual(["timestamp,open", "\uFEFF2024-01-01T00:00Z,3"]);
    expect(later.columns).toEqual([Float64Array.of(T0, T0 + 1000, T0), Float64Array.of(1.5, 2, 3)]);
    const range = byteRun([withBom], {}, false);
    expect(range).toEqual({ ...cleanTable, viaText: ["\uFEFFtimestamp,open"] });
    const onlyBom = byteRun([Uint8Array.from(bom)]);
    expect(onlyBom).toEqual({ names: undefined, columns: [], lines: [], lineNo: 0, viaText: [] });
    const twoBytes = byteRun([Uint8Array.from(bom.slice(0, 2))]);
    expect(twoBytes.viaText).toEqual(["\uFFFD"]);
  });

  it("reads a chunk that starts with a blank line, and a blank line in a one-column file", () => {
    for (const cut of [15, 16, 17]) {
      const got = byteRun(cutAt(utf8("open\n1\n\n\n2\n"), [cut - 10]));
      expect(got, String(cut)).toEqual({
        names: ["open"],
        columns: [Float64Array.of(1, 2)],
        lines: [2, 5],
        lineNo: 5,
        viaText: ["open", "", ""],
      });
    }
  });

  it("hands a line that starts with a blank delimiter to the text reader", () => {
    for (const sep of ["\t", " "]) {
      const got = byteRun([utf8(`open${sep}timestamp\n${sep}2024-01-01T00:00Z\n`)], {
        delimiter: sep,
      });
      expect(got.columns, JSON.stringify(sep)).toEqual([
        Float64Array.of(Number.NaN),
        Float64Array.of(T0),
      ]);
      expect(got.viaText, JSON.stringify(sep)).toEqual([
        `open${sep}timestamp`,
        `${sep}2024-01-01T00:00Z`,
      ]);
    }
  });

  it("reads every line as text when the delimiter is not one ASCII byte", () => {
    const got = byteRun([utf8("timestamp¦open\n2024-01-01T00:00Z¦1\n")], { delimiter: "¦" });
    expect(got.columns).toEqual([Float64Array.of(T0), Float64Array.of(1)]);
    expect(got.viaText).toEqual(["timestamp¦open", "2024-01-01T00:00Z¦1"]);
  });
});
