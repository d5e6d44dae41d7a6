import { arqueroTable } from "../../table/arquero-table";
import type { ColumnTable } from "arquero";
import { ConfigError } from "@peak/errors";

const NAMES = ["timestamp", "open", "high", "low", "close", "volume"] as const;

/** A CCXT-style candle `[timestamp, open, high, low, close, volume]` (extra cells ignored). */
export type CandleRow = readonly unknown[];

/** A candle as an object: `{ timestamp, open, high, low, close, volume, …extra }`. */
export type CandleObject = Readonly<Record<string, unknown>>;

const badRow = (row: number, got: unknown): ConfigError =>
  new ConfigError(`Candle ${row} is neither an array nor an object`, {
    hint: "Pass CCXT rows [[timestamp, open, high, low, close, volume], …] or objects { timestamp, open, … }",
    context: { row, received: got === null ? "null" : typeof got },
  });

// A column as a Float64Array when every cell is a number, else the cells as they are.
const column = (cells: unknown[]): Float64Array | unknown[] =>
  cells.every((c) => typeof c === "number") ? Float64Array.from(cells) : cells;

/**
 * Turns in-memory candles into an OHLCV table without transposing by hand: CCXT's
 * `fetchOHLCV` rows (`[[ts, o, h, l, c, v], …]`) or objects with those keys (extra keys of the
 * first object kept as columns). Timestamps stay as given; {@link checkOhlcv} reads their unit
 * (`epochUnit`, `auto` by default).
 *
 * @throws ConfigError when `candles` is not an array, or a candle is neither an array nor an
 *   object (or the shapes are mixed).
 * @example
 * ```ts
 * const candles = await exchange.fetchOHLCV("BTC/USDT", "1h");
 * const report = checkOhlcv(fromCandles(candles)); // or checkOhlcv(candles)
 * ```
 */
export const fromCandles = (candles: readonly (CandleRow | CandleObject)[]): ColumnTable => {
  if (!Array.isArray(candles)) {
    throw new ConfigError("Expected `candles` to be an array of candles", {
      hint: "Pass CCXT rows [[timestamp, open, high, low, close, volume], …] or objects",
      context: { received: typeof candles },
    });
  }
  const first: unknown = candles[0];
  const asRows = Array.isArray(first);
  const extra =
    asRows || typeof first !== "object" || first === null
      ? []
      : Object.keys(first).filter((k) => !(NAMES as readonly string[]).includes(k));
  const names = [...NAMES, ...extra];
  const cells = names.map(() => new Array<unknown>(candles.length));
  candles.forEach((candle: unknown, row) => {
    if (typeof candle !== "object" || candle === null || Array.isArray(candle) !== asRows) {
      throw badRow(row, candle);
    }
    names.forEach((name, k) => {
      (cells[k] as unknown[])[row] = asRows
        ? (candle as CandleRow)[k]
        : (candle as CandleObject)[name];
    });
  });
  return arqueroTable(Object.fromEntries(names.map((n, k) => [n, column(cells[k] as unknown[])])));
};

/** True when `input` is an array of candles rather than a table or a column object. */
export const isCandleArray = (input: unknown): input is readonly (CandleRow | CandleObject)[] =>
  Array.isArray(input) &&
  (input.length === 0 || (typeof input[0] === "object" && input[0] !== null));
