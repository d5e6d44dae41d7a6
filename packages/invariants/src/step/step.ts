/** One OHLCV bar: the prices the market traded at during the step. */
export interface Bar {
  open: number;
  high: number;
  low: number;
  close: number;
  volume: number;
}

/** One executed order (or part of one) at a step. */
export interface Fill {
  /** When it executed, epoch milliseconds. */
  timestamp: number;
  side: "buy" | "sell";
  /** Units bought or sold: positive. */
  quantity: number;
  /** Price per unit. */
  price: number;
  /** Fee charged for this fill, in cash units. */
  fee: number;
}

/**
 * What an event-driven backtester knows after one step (field names pinned in the design so
 * every engine and test agrees). Times are epoch milliseconds; money is in cash units.
 *
 * @example
 * ```ts
 * const step: BacktestStep = {
 *   index: 17,
 *   timestamp: Date.UTC(2024, 0, 1, 0, 17),
 *   bar: { open: 100, high: 101, low: 99.5, close: 100.4, volume: 12 },
 *   cash: 9_899.9,
 *   positions: { BTC: 1 },
 *   prices: { BTC: 100 },
 *   equity: 9_999.9,
 *   fills: [{ timestamp: Date.UTC(2024, 0, 1, 0, 17), side: "buy", quantity: 1, price: 100, fee: 0.1 }],
 *   dataTimestamp: Date.UTC(2024, 0, 1, 0, 17),
 * };
 * ```
 */
export interface BacktestStep {
  /** Step number, increasing through the run. */
  index: number;
  /** The step's (decision) time, epoch milliseconds. */
  timestamp: number;
  /** The bar fills at this step executed in. */
  bar: Bar;
  /** Cash after this step's fills and fees. */
  cash: number;
  /** Units held per symbol after this step's fills (negative = short). */
  positions: Record<string, number>;
  /** Mark price per symbol used for `equity`. */
  prices: Record<string, number>;
  /** Cash plus the marked value of every position. */
  equity: number;
  /** Everything charged this step (fill fees included); defaults to the sum of `fills[].fee`. */
  fees?: number;
  /** Fills executed at this step (empty when none). */
  fills: Fill[];
  /** Stamp of the newest data the step's decision used, epoch milliseconds. */
  dataTimestamp: number;
}

/** The name of one field of a {@link BacktestStep}. */
export type StepField = keyof BacktestStep;

/**
 * A step as an engine may hand it over: only `index` is required. An invariant whose inputs are
 * absent is skipped for that step, and `report().skipped` says so.
 */
export type PartialStep = Pick<BacktestStep, "index"> & Partial<Omit<BacktestStep, "index">>;
