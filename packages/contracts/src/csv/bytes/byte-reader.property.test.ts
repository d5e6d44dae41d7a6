import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { readFileSync, readdirSync } from "node:fs";
import type { OhlcvCsvOptions } from "../csv-options";
import { createOhlcvCsvParser } from "../ohlcv-csv-parser";

// Runs one parse and describes its outcome: the columns (type, values, kept cells) and the line
// of every row, or the error's class, message, hint and context.
const outcome = (
  feed: (p: ReturnType<typeof createOhlcvCsvParser>) => void,
  o: OhlcvCsvOptions,
) => {
  try {
    const parser = createOhlcvCsvParser(o);
    feed(parser);
    const table = parser.finish();
    const columns = table.columnNames().map((name) => {
      const col = table.column(name) as unknown as ArrayLike<unknown>;
      return [name, col.constructor.name, Array.from(col, (v) => (Object.is(v, -0) ? "-0" : v))];
    });
    const lines = Array.from({ length: table.numRows() }, (_, r) => parser.lineOf(r));
    return { columns, lines };
  } catch (error) {
    const e = error as { name: string; message: string; hint?: string; context?: unknown };
    return { error: [e.name, e.message, e.hint, e.context] };
  }
};

const viaText = (text: string, o: OhlcvCsvOptions) => outcome((p) => p.push(text), o);

const viaBytes = (bytes: Uint8Array, cuts: number[], o: OhlcvCsvOptions) =>
  outcome((p) => {
    let at = 0;
    for (const cut of [...cuts.map((c) => c % (bytes.length + 1)).sort((a, b) => a - b)]) {
      p.pushBytes(bytes.slice(at, Math.max(at, cut)));
      at = Math.max(at, cut);
    }
    p.pushBytes(bytes.slice(at));
  }, o);

const same = (text: string, o: OhlcvCsvOptions, cuts: number[] = []) => {
  const bytes = new TextEncoder().encode(text);
  const decoded = new TextDecoder().decode(bytes); // what a file of these bytes holds
  expect(viaBytes(bytes, cuts, o)).toEqual(viaText(decoded, o));
};

const cell = fc.oneof(
  {
    weight: 30,
    arbitrary: fc.integer({ min: -99999, max: 999999 }).map((n) => (n / 100).toString()),
  },
  { weight: 3, arbitrary: fc.double({ noNaN: false }).map(String) },
  {
    weight: 3,
    arbitrary: fc.tuple(fc.constantFrom("+", "-", "0", " ", "."), fc.nat()).map(([a, n]) => a + n),
  },
  { weight: 3, arbitrary: fc.double({ min: -1e6, max: 1e6 }).map(String) },
  {
    weight: 4,
    arbitrary: fc.integer({ min: 0, max: 10 ** 6 }).map((n) => `${n}.${"0".repeat(n % 18)}1`),
  },
  fc.constantFrom("", "NaN", "inf", "-Infinity", "1e5", "+2", ".5", "5.", "-", ".", "0x10", "abc"),
  fc.constantFrom(" 1", "1 ", '"1"', '"1,5"', '"a""b"', "1\r", "é", "\u00a01", "٣", "-0", "00012"),
);
const date = fc.date({ min: new Date(-1e13), max: new Date(1e13), noInvalidDate: true });
const stamp = fc.oneof(
  date.map((d) => d.toISOString()),
  date.map((d) => d.toISOString().replace("T", " ").replace("Z", "+00:00")),
  date.map((d) => d.toISOString().slice(0, 19)),
  date.map((d) => d.toISOString().slice(0, 19).replace("T", " ")),
  date.map((d) => d.toISOString().slice(0, 10)),
  date.map((d) => `${d.toISOString().slice(0, 16)}-0530`),
  date.map((d) => String(d.getTime())),
  date.map((d) => String(Math.floor(d.getTime() / 1000))),
  fc.constantFrom(
    "",
    "2024-02-30",
    "2024-01-01T25:00Z",
    " 2024-01-01",
    "2024-01-01T00:00:00.Z",
    "x",
  ),
);
const row = fc.tuple(
  stamp,
  fc.oneof(
    { weight: 8, arbitrary: fc.array(cell, { minLength: 5, maxLength: 5 }) },
    { weight: 1, arbitrary: fc.array(cell, { minLength: 3, maxLength: 7 }) },
  ),
);
const options = fc.record(
  {
    requireTz: fc.boolean(),
    delimiter: fc.constantFrom("auto", ",", ";"),
    timezone: fc.constantFrom("America/New_York", "UTC"),
    layout: fc.constantFrom("yahoo", "ccxt", "binance-klines"),
    header: fc.boolean(),
    maxLineBytes: fc.integer({ min: 20, max: 200 }),
  },
  { requiredKeys: [] },
);
const header = fc.constantFrom(
  "timestamp,open,high,low,close,volume",
  "\uFEFFtimestamp,open,high,low,close,volume",
  "Date,Open,High,Low,Close,Adj Close,Volume",
  "",
  "timestamp;open;high;low;close;volume",
);
const breaks = fc.constantFrom("\n", "\r\n", "\n\n", "\n \n");

describe("byte reader ≡ text reader", () => {
  it("gives the same table, lines and errors on generated CSV, however the bytes are cut", () => {
    fc.assert(
      fc.property(
        header,
        fc.array(fc.tuple(row, breaks), { maxLength: 25 }),
        fc.constantFrom(",", ";"),
        options,
        fc.array(fc.nat(), { maxLength: 6 }),
        (head, rows, sep, o, cuts) => {
          const body = rows.map(([[ts, cells], br]) => [ts, ...cells].join(sep) + br).join("");
          same(`${head}${head === "" ? "" : "\n"}${body}`, o as OhlcvCsvOptions, cuts);
        },
      ),
      { numRuns: 600 },
    );
  });

  it("agrees on invalid UTF-8, a split byte-order mark and lines around maxLineBytes", () => {
    const bad = new Uint8Array([0xef, 0xbb, 0xbf, 0x74, 0x0a, 0xe2, 0x82, 0x0a, 0x31, 0xc3]);
    const decoded = new TextDecoder().decode(bad);
    for (let cut = 0; cut <= bad.length; cut++) {
      expect(viaBytes(bad, [cut], {})).toEqual(viaText(decoded, {}));
    }
    const long = `timestamp,open\n2024-01-01T00:00:00Z,${"1".repeat(30)}\n`;
    for (const max of [20, 48, 49, 50, 51, 60]) same(long, { maxLineBytes: max }, [5, 40]);
    same(`timestamp,open\n2024-01-01T00:00:00Z,${"é".repeat(30)}`, { maxLineBytes: 40 });
  });

  it("reads every fixture of other tools as the text reader does", () => {
    const dir = new URL("../__fixtures__/tools/", import.meta.url);
    const files = readdirSync(dir).filter((f) => f.endsWith(".csv"));
    for (const layout of [undefined, "yahoo", "binance-klines", "ccxt"] as const) {
      for (const f of files) {
        const text = readFileSync(new URL(f, dir), "utf8");
        const o = layout === undefined ? {} : { layout };
        same(text, o, [1000]);
        same(text, { ...o, timezone: "America/New_York", requireTz: false }, [77]);
      }
    }
  });
});
