import type { BacktestStep, Fill } from "@peak/invariants";
import type { Bars } from "../synthetic-bars";
import type { Account, MarketView, Strategy } from "./strategy";

/** The simulated account's terms. */
export interface EngineConfig {
  initialCash: number;
  feeRate: number;
  maxPosition: number;
}

/** What a backtest leaves: its fills (compact) and the final account, marked at the last close. */
export interface BacktestResult {
  steps: number;
  fills: Array<[index: number, side: Fill["side"], quantity: number, price: number]>;
  finalCash: number;
  finalPosition: number;
  finalEquity: number;
}

/** The one symbol the synthetic bars describe. */
export const SYMBOL = "SYN";

/**
 * A deliberately naive event loop: at bar i's open the strategy decides, the order fills at the
 * open (or the strategy's price), and the step goes to `onStep`. It checks nothing itself: the
 * invariants are the guard. A bar's open is stamped at its start, its close at its end.
 */
export function runBacktest(
  bars: Bars,
  strategy: Strategy,
  config: EngineConfig,
  onStep: (step: BacktestStep) => void,
): BacktestResult {
  const { timestamp: ts, open, high, low, close, volume } = bars;
  const n = ts.length;
  const barMs = n > 1 ? ts[1]! - ts[0]! : 60_000;
  let newest = -Infinity;
  const read = (column: Float64Array, j: number, stamp: number): number => {
    if (!(j >= 0 && j < n)) throw new RangeError(`bar ${j} is outside 0..${n - 1}`);
    if (stamp > newest) newest = stamp;
    return column[j]!;
  };
  const view: { -readonly [K in keyof MarketView]: MarketView[K] } = {
    index: 0,
    open: (j) => read(open, j, ts[j]!),
    close: (j) => read(close, j, ts[j]! + barMs),
  };
  const result: BacktestResult = {
    steps: n,
    fills: [],
    finalCash: 0,
    finalPosition: 0,
    finalEquity: 0,
  };
  let cash = config.initialCash;
  let position = 0;
  for (let i = 0; i < n; i++) {
    const mark = open[i]!;
    const account: Account = {
      cash,
      position,
      equity: cash + position * mark,
      sizeFor: (fraction, price) =>
        Math.max(
          0,
          Math.min(
            config.maxPosition,
            Math.floor((fraction * account.equity) / (price * (1 + config.feeRate))),
          ),
        ),
    };
    newest = -Infinity;
    view.index = i;
    const decision = strategy.decide(view, account);
    const fills: Fill[] = [];
    if (decision !== undefined && decision.target !== position) {
      const side = decision.target > position ? "buy" : "sell";
      const quantity = Math.abs(decision.target - position);
      const price = decision.price ?? mark;
      const fee = quantity * price * config.feeRate;
      cash = cash + ((side === "sell" ? quantity * price : -(quantity * price)) - fee);
      position = decision.target;
      fills.push({ timestamp: ts[i]!, side, quantity, price, fee });
      result.fills.push([i, side, quantity, price]);
    }
    onStep({
      index: i,
      timestamp: ts[i]!,
      bar: { open: mark, high: high[i]!, low: low[i]!, close: close[i]!, volume: volume[i]! },
      cash,
      positions: { [SYMBOL]: position },
      prices: { [SYMBOL]: mark },
      equity: cash + position * mark,
      fills,
      dataTimestamp: newest === -Infinity ? ts[i]! : newest,
    });
  }
  result.finalCash = cash;
  result.finalPosition = position;
  result.finalEquity = n > 0 ? cash + position * close[n - 1]! : cash;
  return result;
}
