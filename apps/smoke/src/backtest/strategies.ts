import { createRegistry, type Registry } from "@peak/contracts";
import { ConfigError } from "@peak/errors";
import { z } from "zod";
import type { MarketView, StrategySpec } from "./strategy";

const fraction = z.number().gt(0).max(1).default(1);

const buyAndHold: StrategySpec<{ fraction: number }> = {
  name: "buy_and_hold",
  description: "buys `fraction` of equity at the first bar's open and holds to the end",
  schema: z.object({ fraction }),
  create: (config) => {
    let bought = false;
    return {
      decide: (view, account) => {
        if (bought) return undefined;
        bought = true;
        return { target: account.sizeFor(config.fraction, view.open(view.index)) };
      },
    };
  },
};

const mean = (view: MarketView, from: number, to: number): number => {
  let sum = 0;
  for (let i = from; i < to; i++) sum += view.close(i);
  return sum / (to - from);
};

type MaConfig = { fast: number; slow: number; fraction: number };

const maCrossover: StrategySpec<MaConfig> = {
  name: "ma_crossover",
  description:
    "holds `fraction` of equity while the fast moving average of closes is above the slow one",
  schema: z.object({
    fast: z.int().min(1).default(10),
    slow: z.int().min(2).default(30),
    fraction,
  }),
  create: ({ fast, slow, fraction: share }) => {
    if (fast >= slow) {
      throw new ConfigError(`ma_crossover needs fast < slow, got fast ${fast} and slow ${slow}`, {
        hint: 'Example: --strategy-config \'{"fast":10,"slow":30}\'',
        context: { fast, slow },
      });
    }
    return {
      decide: (view, account) => {
        const i = view.index;
        if (i < slow) return undefined;
        const long = mean(view, i - fast, i) > mean(view, i - slow, i);
        if (long === account.position > 0) return undefined;
        return { target: long ? account.sizeFor(share, view.open(i)) : 0 };
      },
    };
  },
};

/** Every strategy `peak-smoke run --strategy` accepts, by name. */
export const createStrategyRegistry = (): Registry<StrategySpec> =>
  createRegistry<StrategySpec>({ kind: "strategy" })
    .register(buyAndHold.name, () => buyAndHold as StrategySpec)
    .register(maCrossover.name, () => maCrossover as unknown as StrategySpec);
