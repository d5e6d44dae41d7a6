import { createRegistry, type Registry } from "@peak/contracts";
import { z } from "zod";
import type { Strategy, StrategySpec } from "./strategy";

const once = (decide: Strategy["decide"]): Strategy => {
  let done = false;
  return {
    decide: (view, account) => {
      if (done) return undefined;
      done = true;
      return decide(view, account);
    },
  };
};

const broken = (name: string, description: string, strategy: () => Strategy): StrategySpec => ({
  name,
  description,
  schema: z.object({}),
  create: strategy,
});

/** Deliberately broken strategies for `peak-smoke run --inject`: each must trip one invariant. */
export const createBrokenStrategyRegistry = (): Registry<StrategySpec> => {
  const specs = [
    broken("lookahead", "trades on the current bar's close before the bar has ended", () => ({
      decide: (view, account) => {
        const up = view.close(view.index) > view.open(view.index);
        return { target: up ? account.sizeFor(1, view.open(view.index)) : 0 };
      },
    })),
    broken("overspend", "buys three times what its cash pays for", () =>
      once((view, account) => ({ target: 3 * account.sizeFor(1, view.open(view.index)) })),
    ),
    broken("bad-fill", "buys at a limit price 2 % above the bar's open, outside the bar", () =>
      once((view, account) => {
        const price = view.open(view.index) * 1.02;
        return { target: account.sizeFor(1, price), price };
      }),
    ),
  ];
  const registry = createRegistry<StrategySpec>({ kind: "injected bug" });
  for (const spec of specs) registry.register(spec.name, () => spec);
  return registry;
};
