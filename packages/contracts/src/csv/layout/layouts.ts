/** The named column layouts of {@link OhlcvCsvOptions.layout}. */
export const OHLCV_LAYOUTS = ["yahoo", "binance-klines", "ccxt"] as const;

/** One of {@link OHLCV_LAYOUTS}. */
export type OhlcvLayout = (typeof OHLCV_LAYOUTS)[number];

/** What a layout presets: user options given alongside override each field. */
export interface LayoutPreset {
  /** `"auto"`: a first line whose first field is a number or a timestamp is data. */
  header: boolean | "auto";
  /** Column names for a file without header (position → name). */
  names: readonly string[] | undefined;
  /** Our column name → the file's. */
  columns: Readonly<Record<string, string>>;
  /** Whether zone-less stamps are naive (false: read as UTC). */
  requireTz: boolean | undefined;
}

const KLINE_NAMES = [
  "open_time",
  "open",
  "high",
  "low",
  "close",
  "volume",
  "close_time",
  "quote_volume",
  "count",
  "taker_buy_volume",
  "taker_buy_quote_volume",
  "ignore",
] as const;

/** The presets behind each layout name. */
export const LAYOUT_PRESETS: Readonly<Record<OhlcvLayout, LayoutPreset>> = {
  // Yahoo Finance downloads: `Date,Open,High,Low,Close,Adj Close,Volume`; Date is a trading
  // day without zone, read as UTC midnight unless a `timezone` is given.
  yahoo: {
    header: true,
    names: undefined,
    columns: { timestamp: "Date" },
    requireTz: false,
  },
  // Binance's public kline dumps: 12 columns, no header (newer files have one), open_time in
  // epoch ms (spot files from 2025 on: µs), found by epochUnit "auto".
  "binance-klines": {
    header: "auto",
    names: KLINE_NAMES,
    columns: { timestamp: "open_time" },
    requireTz: undefined,
  },
  // CCXT's fetchOHLCV rows written as CSV: timestamp (epoch ms), open, high, low, close, volume.
  ccxt: {
    header: "auto",
    names: ["timestamp", "open", "high", "low", "close", "volume"],
    columns: {},
    requireTz: undefined,
  },
};
