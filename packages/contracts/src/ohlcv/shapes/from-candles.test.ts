import { ConfigError } from "@peak/errors";
import { describe, expect, it } from "vitest";
import { thrown } from "../../csv/__fixtures__/thrown";
import { fromCandles, isCandleArray, type CandleObject, type CandleRow } from "./from-candles";

const T0 = Date.UTC(2024, 0, 1);
const NAMES = ["timestamp", "open", "high", "low", "close", "volume"];

// The table as plain data: its column names and each column as built.
const asData = (candles: readonly (CandleRow | CandleObject)[]) => {
  const table = fromCandles(candles);
  return { names: table.columnNames(), columns: table.columnNames().map((n) => table.column(n)) };
};

const f64 = (...columns: number[][]) => columns.map((c) => Float64Array.from(c));

const failure = (candles: unknown) => {
  const e = thrown(() => fromCandles(candles as CandleRow[])) as ConfigError;
  expect(e).toBeInstanceOf(ConfigError);
  return { message: e.message, hint: e.hint, context: e.context };
};

const ROW_HINT =
  "Pass CCXT rows [[timestamp, open, high, low, close, volume], …] or objects { timestamp, open, … }";

describe("fromCandles", () => {
  it("transposes CCXT rows into Float64Array columns, ignoring extra cells", () => {
    expect(
      asData([
        [T0, 1, 2, 0.5, 1.5, 10, "extra"],
        [T0 + 1, 2, 3, 1, 2, 20],
      ]),
    ).toEqual({
      names: NAMES,
      columns: f64([T0, T0 + 1], [1, 2], [2, 3], [0.5, 1], [1.5, 2], [10, 20]),
    });
  });

  it("keeps a column as given when any cell is not a number, and a short row's cells undefined", () => {
    const got = asData([
      ["2024-01-01", 1, 2, 0, 1, 5],
      [T0, 1, 2, 0, 1],
    ]);
    expect(got.columns[0]).toEqual(["2024-01-01", T0]);
    expect(got.columns[5]).toEqual([5, undefined]);
    expect(got.columns[1]).toEqual(Float64Array.of(1, 1));
  });

  it("reads objects by key, keeping the first object's extra keys in order", () => {
    const got = asData([
      { symbol: "BTC", timestamp: T0, open: 1, high: 2, low: 0, close: 1, volume: 3, side: 1 },
      { timestamp: T0 + 1, open: 2, high: 3, low: 1, close: 2, side: 2, late: "x" },
    ]);
    expect(got).toEqual({
      names: [...NAMES, "symbol", "side"],
      columns: [
        ...f64([T0, T0 + 1], [1, 2], [2, 3], [0, 1], [1, 2]),
        [3, undefined],
        ["BTC", undefined],
        Float64Array.of(1, 2),
      ],
    });
  });

  it("gives an empty table of the six columns for no candles", () => {
    expect(asData([])).toEqual({ names: NAMES, columns: NAMES.map(() => new Float64Array(0)) });
  });

  it("refuses what is not an array, naming its type", () => {
    for (const [input, type] of [
      ["rows", "string"],
      [{ length: 1 }, "object"],
      [undefined, "undefined"],
      [Float64Array.of(1), "object"],
    ] as const) {
      expect(failure(input)).toEqual({
        message: "Expected `candles` to be an array of candles",
        hint: "Pass CCXT rows [[timestamp, open, high, low, close, volume], …] or objects",
        context: { received: type },
      });
    }
  });

  it("refuses a candle that is no array or object, or of the other shape, naming its row", () => {
    const bad = (row: number, received: string) => ({
      message: `Candle ${row} is neither an array nor an object`,
      hint: ROW_HINT,
      context: { row, received },
    });
    expect(failure([5])).toEqual(bad(0, "number"));
    expect(failure([null])).toEqual(bad(0, "null"));
    expect(failure(["x"])).toEqual(bad(0, "string"));
    expect(failure([[T0, 1, 1, 1, 1, 1], null])).toEqual(bad(1, "null"));
    expect(failure([[T0, 1, 1, 1, 1, 1], { timestamp: T0 }])).toEqual(bad(1, "object"));
    expect(failure([{ timestamp: T0 }, { timestamp: T0 }, [T0]])).toEqual(bad(2, "object"));
    expect(failure([{ timestamp: T0 }, 7])).toEqual(bad(1, "number"));
  });
});

describe("isCandleArray", () => {
  it("is true for an array that is empty or starts with an array or object", () => {
    const cases: [unknown, boolean][] = [
      [[], true],
      [[[T0, 1]], true],
      [[{ timestamp: T0 }], true],
      [[null], false],
      [[5], false],
      [["2024-01-01"], false],
      [{ timestamp: [T0] }, false],
      [Float64Array.of(T0), false],
      [null, false],
    ];
    for (const [input, want] of cases)
      expect(isCandleArray(input), JSON.stringify(input)).toBe(want);
  });
});
