import { printStrategies } from "../backtest/strategy-list";
import type { CliArgs } from "../cli-args";
import { usageError } from "../cli-error";

/** `peak-smoke strategies`: the registered strategies with a one-line description and config keys. */
export function strategiesCommand(args: CliArgs, positionals: string[]): number {
  if (positionals.length > 0) {
    throw usageError(
      `strategies takes no arguments, got \`${positionals.join(" ")}\``,
      "See peak-smoke strategies --help.",
    );
  }
  return printStrategies(args.values.json === true);
}
