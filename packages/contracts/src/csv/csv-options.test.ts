import { isConfigError } from "@peak/errors";
import { describe, expect, it } from "vitest";
import { thrown } from "./__fixtures__/thrown";
import { resolveCsvOptions, type OhlcvCsvOptions } from "./csv-options";

const KNOWN =
  "requireTz, timestampColumn, delimiter, header, columns, layout, epochUnit, timezone, maxLineBytes, maxColumns";

/** The ConfigError `resolveCsvOptions(options)` throws, as plain fields. */
const refusal = (options: unknown) => {
  const e = thrown(() => resolveCsvOptions(options as OhlcvCsvOptions));
  if (!isConfigError(e)) throw new Error(`expected a ConfigError, got ${String(e)}`);
  return { message: e.message, hint: e.hint, context: e.context };
};

/** The refusal of a wrong `option` value: message, hint and context name the option. */
const wrong = (option: string, expected: string, received: string) => ({
  message: `Expected CSV option \`${option}\` to be ${expected}`,
  hint: `Pass ${option} as ${expected}, or leave it out for the default`,
  context: { option, received },
});

const DELIMITER = '"auto" or one character other than a quote or line break';

describe("resolveCsvOptions defaults and layouts", () => {
  it("fills every default when no options are given", () => {
    const defaults = {
      requireTz: true,
      timestampColumn: "timestamp",
      delimiter: "auto",
      header: true,
      names: undefined,
      columns: {},
      epochUnit: "auto",
      timezone: undefined,
      maxLineBytes: 1_048_576,
      maxColumns: 10_000,
    };
    expect(resolveCsvOptions()).toStrictEqual(defaults);
    expect(resolveCsvOptions({})).toStrictEqual(defaults);
  });

  it("merges the yahoo layout: a header, Date as timestamp, zone-less stamps as UTC", () => {
    expect(resolveCsvOptions({ layout: "yahoo" })).toMatchObject({
      requireTz: false,
      header: true,
      names: undefined,
      columns: { timestamp: "Date" },
    });
  });

  it("merges a headerless layout: header detected, the layout's positional names", () => {
    const klines = resolveCsvOptions({ layout: "binance-klines" });
    expect(klines).toMatchObject({ requireTz: true, header: "auto" });
    expect(klines.columns).toStrictEqual({ timestamp: "open_time" });
    expect(klines.names?.slice(0, 3)).toEqual(["open_time", "open", "high"]);
    expect(resolveCsvOptions({ layout: "ccxt", header: false }).names).toEqual([
      ...["timestamp", "open", "high", "low", "close", "volume"],
    ]);
  });

  it("lets explicit options override the layout", () => {
    const o = resolveCsvOptions({
      layout: "yahoo",
      requireTz: true,
      columns: { volume: "Vol" },
      delimiter: ";",
    });
    expect(o).toMatchObject({ requireTz: true, delimiter: ";" });
    expect(o.columns).toStrictEqual({ timestamp: "Date", volume: "Vol" });
    const mapped = resolveCsvOptions({ layout: "yahoo", columns: { timestamp: "Day" } });
    expect(mapped.columns).toStrictEqual({ timestamp: "Day" });
    expect(resolveCsvOptions({ layout: "ccxt", header: true }).names).toBeUndefined();
  });

  it("has no positional names without a layout, even without header", () => {
    expect(resolveCsvOptions({ header: false })).toMatchObject({ header: false, names: undefined });
  });

  it("accepts the edge values of each option", () => {
    const o = resolveCsvOptions({
      header: "auto" as never,
      timestampColumn: " t ",
      delimiter: "\t",
      maxLineBytes: 1,
      maxColumns: Number.MAX_SAFE_INTEGER,
      timezone: "UTC",
      epochUnit: "s",
    });
    expect(o).toMatchObject({ header: "auto", timestampColumn: " t ", delimiter: "\t" });
    expect(o).toMatchObject({ maxLineBytes: 1, maxColumns: Number.MAX_SAFE_INTEGER });
    expect(o).toMatchObject({ timezone: "UTC", epochUnit: "s" });
  });
});

describe("resolveCsvOptions refusals", () => {
  it.each([null, "x", 5, true])("refuses options %j that are not an object", (options) => {
    expect(refusal(options)).toStrictEqual(wrong("options", "an object", String(options)));
  });

  it("refuses an unknown option, suggesting the closest one", () => {
    expect(refusal({ delimeter: "," })).toStrictEqual({
      message: "Unknown CSV option `delimeter`",
      hint: "Did you mean `delimiter`?",
      context: { option: "delimeter" },
    });
  });

  it("lists every option when no name is close", () => {
    expect(refusal({ requireTz: true, qqqqqqqq: 1 })).toStrictEqual({
      message: "Unknown CSV option `qqqqqqqq`",
      hint: `Known options: ${KNOWN}`,
      context: { option: "qqqqqqqq" },
    });
  });

  it("refuses an unknown layout, by name or by type", () => {
    expect(refusal({ layout: "yahooo" })).toStrictEqual({
      message: "Unknown CSV layout `yahooo`",
      hint: "Did you mean `yahoo`?",
      context: { option: "layout", received: "yahooo" },
    });
    expect(refusal({ layout: 5 })).toStrictEqual({
      message: "Unknown CSV layout `number`",
      hint: "Layouts: yahoo, binance-klines, ccxt",
      context: { option: "layout", received: "number" },
    });
  });

  it.each([
    ["requireTz", "yes", "a boolean"],
    ["requireTz", 0, "a boolean"],
    ["header", "yes", "a boolean"],
    ["header", 1, "a boolean"],
    ["timestampColumn", "", "a non-empty string"],
    ["timestampColumn", " \t", "a non-empty string"],
    ["timestampColumn", 7, "a non-empty string"],
    ["delimiter", ";;", DELIMITER],
    ["delimiter", "", DELIMITER],
    ["delimiter", '"', DELIMITER],
    ["delimiter", "\r", DELIMITER],
    ["delimiter", "\n", DELIMITER],
    ["delimiter", 44, DELIMITER],
    ["delimiter", [","], DELIMITER],
  ])("refuses %s: %j", (option, value, expected) => {
    expect(refusal({ [option]: value })).toStrictEqual(wrong(option, expected, String(value)));
  });

  it.each([0, -1, 1.5, Number.NaN, Infinity, 2 ** 53, "64"])(
    "refuses maxLineBytes and maxColumns %j",
    (value) => {
      for (const option of ["maxLineBytes", "maxColumns"]) {
        const expected = wrong(option, "a positive integer", String(value));
        expect(refusal({ [option]: value })).toStrictEqual(expected);
      }
    },
  );
});
