import { parseConfig } from "@peak/contracts";
import { EXIT } from "../cli-error";
import { createBrokenStrategyRegistry } from "./broken-strategies";
import { createStrategyRegistry } from "./strategies";
import { DEFAULT_STRATEGY } from "./plan";

/** One registered strategy as `peak-smoke strategies` lists it. */
export interface StrategyListing {
  name: string;
  description: string;
  configKeys: string[];
  /** The config every key defaults to. */
  defaults: Record<string, unknown>;
}

/** Every registered strategy, sorted by name, with its config keys and defaults. */
export const listStrategies = (): StrategyListing[] => {
  const registry = createStrategyRegistry();
  return registry.list().map((name) => {
    const spec = registry.create(name);
    const defaults: Record<string, unknown> = parseConfig(spec.schema, {});
    return {
      name,
      description: spec.description,
      configKeys: Object.keys(spec.schema.shape),
      defaults,
    };
  });
};

const textListing = (strategies: StrategyListing[], inject: string[]): string => {
  const width = Math.max(...strategies.map((s) => s.name.length)) + 2;
  const lines = strategies.flatMap((s) => [
    `${s.name.padEnd(width)}${s.description}${s.name === DEFAULT_STRATEGY ? " (default)" : ""}`,
    `${"".padEnd(width)}config: ${s.configKeys.map((k) => `${k}=${JSON.stringify(s.defaults[k])}`).join(", ")}`,
  ]);
  return `${lines.join("\n")}\n\nBroken strategies for --inject: ${inject.join(", ")}\n`;
};

/** Prints the strategy listing (`strategies`, `run --list-strategies`); exit 0. */
export const printStrategies = (json: boolean): number => {
  const strategies = listStrategies();
  const inject = createBrokenStrategyRegistry().list();
  const text = json
    ? `${JSON.stringify({ strategies, default: DEFAULT_STRATEGY, inject })}\n`
    : textListing(strategies, inject);
  process.stdout.write(text);
  return EXIT.ok;
};
