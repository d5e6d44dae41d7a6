import { isConfigError } from "@peak/errors";
import { describe, expect, it } from "vitest";
import { thrown } from "./__fixtures__/thrown";
import { createOhlcvCsvParser } from "./ohlcv-csv-parser";

const T0 = Date.UTC(2024, 0, 1);
const M = 60_000;
const utf8 = (text: string) => new TextEncoder().encode(text);
const HEAD = "timestamp,open,sym\n";
const ROW1 = "2024-01-01T00:00Z,1,é\n";

const columnsOf = (parser: ReturnType<typeof createOhlcvCsvParser>) => {
  const t = parser.finish();
  return t.columnNames().map((n) => Array.from(t.column(n) as unknown as ArrayLike<unknown>));
};

describe("createOhlcvCsvParser", () => {
  it("counts rows as they are parsed and maps each row to its file line", () => {
    const parser = createOhlcvCsvParser();
    expect(parser.rows).toBe(0);
    parser.push(`${HEAD}\n${ROW1}`);
    expect(parser.rows).toBe(1);
    parser.push("\n\n2024-01-01T00:01Z,2,x");
    expect(parser.rows).toBe(1);
    expect(columnsOf(parser)).toEqual([
      [T0, T0 + M],
      [1, 2],
      ["é", "x"],
    ]);
    expect(parser.rows).toBe(2);
    expect([0, 1].map(parser.lineOf)).toEqual([3, 6]);
  });

  it("reads bytes pushed after text, a character split across chunks kept whole", () => {
    const parser = createOhlcvCsvParser();
    parser.push(HEAD);
    const row = utf8(ROW1 + "2024-01-01T00:01Z,2,ü");
    const cut = row.indexOf(0xc3) + 1; // inside the two bytes of é
    parser.pushBytes(row.subarray(0, cut));
    parser.pushBytes(row.subarray(cut));
    expect(columnsOf(parser)).toEqual([
      [T0, T0 + M],
      [1, 2],
      ["é", "ü"],
    ]);
  });

  it("decodes an unfinished character at the end of text-mode bytes as U+FFFD", () => {
    const parser = createOhlcvCsvParser();
    parser.push(HEAD);
    const row = utf8("2024-01-01T00:00Z,1,aé");
    parser.pushBytes(row.subarray(0, row.length - 1));
    expect(columnsOf(parser)).toEqual([[T0], [1], ["a\uFFFD"]]);
  });

  it("reads text pushed after bytes, and the last byte line at the finish", () => {
    const parser = createOhlcvCsvParser();
    parser.pushBytes(utf8(HEAD + ROW1));
    parser.push("2024-01-01T00:01Z,2,ü\n2024-01-01T00:02Z,3,");
    parser.pushBytes(utf8("z"));
    expect(columnsOf(parser)).toEqual([
      [T0, T0 + M, T0 + 2 * M],
      [1, 2, 3],
      ["é", "ü", "z"],
    ]);
  });

  it("reads bytes alone, the last line without a line break", () => {
    const parser = createOhlcvCsvParser({ delimiter: ";" });
    parser.pushBytes(utf8("timestamp;open\n2024-01-01T00:00Z;1,5\n2024-01-01T00:01Z;2"));
    expect(columnsOf(parser)).toEqual([
      [T0, T0 + M],
      ["1,5", 2],
    ]);
    expect(parser.lineOf(1)).toBe(3);
  });

  it("gives an empty table when nothing or only blank lines were pushed", () => {
    expect(createOhlcvCsvParser().finish().columnNames()).toEqual([]);
    const blank = createOhlcvCsvParser();
    blank.pushBytes(utf8("\n \n"));
    expect(blank.finish().numCols()).toBe(0);
  });

  it("checks its options when created", () => {
    const e = thrown(() => createOhlcvCsvParser({ maxColumns: 0 }));
    expect(isConfigError(e) && e.context).toStrictEqual({ option: "maxColumns", received: "0" });
  });
});
