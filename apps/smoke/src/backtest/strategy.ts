import type { ZodObject } from "zod";

/** What a strategy may read at step `index`: bars before it, and the current bar's open. */
export interface MarketView {
  /** The step being decided (the current bar). */
  readonly index: number;
  /** Open of bar `i`, known from that bar's start. */
  open: (i: number) => number;
  /** Close of bar `i`, known only once that bar has ended. */
  close: (i: number) => number;
}

/** The account a strategy sizes its orders against. */
export interface Account {
  cash: number;
  position: number;
  equity: number;
  /** Whole units that `fraction` of equity buys at `price` after fees, within the position limit. */
  sizeFor: (fraction: number, price: number) => number;
}

/** A strategy's wish for one step: hold `target` units; `price` overrides the fill price. */
export interface Decision {
  target: number;
  price?: number;
}

/** Decides each step; `undefined` keeps the position as it is. */
export interface Strategy {
  decide: (view: MarketView, account: Account) => Decision | undefined;
}

/** A registered strategy: what it does, its config schema, how to build it from a parsed config. */
export interface StrategySpec<Config extends Record<string, unknown> = Record<string, unknown>> {
  name: string;
  description: string;
  schema: ZodObject;
  create: (config: Config) => Strategy;
}
