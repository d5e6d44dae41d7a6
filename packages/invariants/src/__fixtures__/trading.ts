// Test and bench fixture (not exported): a tiny honest engine that produces valid steps.
import type { BacktestStep } from "../step/step";

/** One bar's shape, relative to the previous close. */
export interface BarMove {
  /** Close / previous close - 1. */
  change: number;
  /** How far high and low reach beyond open/close, relative. */
  wick: number;
  /** Whole units wanted: > 0 buys, < 0 sells, clamped to what cash, the limit and the position allow. */
  order: number;
  /** Whether the decision used the current bar's open stamp (true) or the previous bar's. */
  fresh: boolean;
}

export const SYMBOL = "BTC";
export const LIMIT = 50;
export const START_MS = Date.UTC(2024, 0, 1);
const STEP_MS = 60_000;
const FEE_RATE = 0.001;

/** Valid steps, one per move: fills at the bar's open, marks at its close. */
export const simulate = (moves: readonly BarMove[], startCash = 10_000): BacktestStep[] => {
  const steps: BacktestStep[] = [];
  let [cash, position, price] = [startCash, 0, 100];
  moves.forEach((move, index) => {
    const timestamp = START_MS + index * STEP_MS;
    const open = price;
    const close = open * (1 + move.change);
    const high = Math.max(open, close) * (1 + move.wick);
    const low = Math.min(open, close) * (1 - move.wick);
    const affordable = Math.min(Math.floor(cash / (open * (1 + FEE_RATE))), LIMIT - position);
    const quantity =
      move.order > 0 ? Math.min(move.order, affordable) : Math.min(-move.order, position);
    const fills: BacktestStep["fills"] = [];
    if (quantity > 0) {
      const side = move.order > 0 ? "buy" : "sell";
      const notional = quantity * open;
      const fee = notional * FEE_RATE;
      fills.push({ timestamp, side, quantity, price: open, fee });
      cash = cash + ((side === "sell" ? notional : -notional) - fee);
      position += side === "buy" ? quantity : -quantity;
    }
    steps.push({
      index,
      timestamp,
      bar: { open, high, low, close, volume: 1 + index },
      cash,
      positions: { [SYMBOL]: position },
      prices: { [SYMBOL]: close },
      equity: cash + position * close,
      fills,
      dataTimestamp: move.fresh || index === 0 ? timestamp : timestamp - STEP_MS,
    });
    price = close;
  });
  return steps;
};

/** A short, fixed, valid run: a buy, a hold, a sell. */
export const sampleSteps = (): BacktestStep[] =>
  simulate([
    { change: 0.01, wick: 0.002, order: 10, fresh: true },
    { change: -0.005, wick: 0.001, order: 0, fresh: false },
    { change: 0.002, wick: 0.003, order: -4, fresh: true },
  ]);
