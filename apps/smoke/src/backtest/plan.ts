import { parseConfig, type Registry } from "@peak/contracts";
import { isConfigError } from "@peak/errors";
import type { CliArgs } from "../cli-args";
import { usageError } from "../cli-error";
import { createBrokenStrategyRegistry } from "./broken-strategies";
import { createStrategyRegistry } from "./strategies";
import type { StrategySpec } from "./strategy";

/** Which strategy the backtest step runs, with its parsed config. */
export interface BacktestPlan {
  strategy: string;
  /** The injected bug's name, when `--inject` chose a broken strategy. */
  inject?: string;
  spec: StrategySpec;
  config: Record<string, unknown>;
}

/** The strategy the backtest runs when `--strategy` is not given. */
export const DEFAULT_STRATEGY = "ma_crossover";

const pick = (registry: Registry<StrategySpec>, name: string, flag: string): StrategySpec => {
  try {
    return registry.create(name);
  } catch (error) {
    if (!isConfigError(error)) throw error;
    const available = registry.list().join(", ");
    throw usageError(
      `${error.message} for --${flag}; available: ${available}`,
      error.hint ?? `Use one of: ${available}`,
    );
  }
};

const configInput = (text: string | undefined): unknown => {
  if (text === undefined) return {};
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw usageError(
      `--strategy-config is not JSON: \`${text}\``,
      `Example: --strategy-config '{"fast":5,"slow":20}'`,
    );
  }
};

/**
 * Resolves `--strategy`/`--inject`/`--strategy-config` before any step runs, so an unknown name
 * or a bad config is a usage error (exit 2) with the available names and the closest one.
 */
export const resolveBacktestPlan = (args: CliArgs): BacktestPlan => {
  const { inject, strategy } = args.values;
  if (inject !== undefined && strategy !== undefined) {
    throw usageError(
      "--inject and --strategy exclude each other",
      "--inject runs its own broken strategy",
    );
  }
  const name = inject ?? strategy ?? DEFAULT_STRATEGY;
  const spec =
    inject !== undefined
      ? pick(createBrokenStrategyRegistry(), inject, "inject")
      : pick(createStrategyRegistry(), name, "strategy");
  const config = parseConfig(spec.schema, configInput(args.values["strategy-config"]), {
    label: `${spec.name} config`,
  });
  spec.create(config); // a config the strategy itself rejects is a usage error too
  return { strategy: spec.name, ...(inject !== undefined ? { inject } : {}), spec, config };
};
