import { BacktestInvariantError } from "./backtest-invariant-error";
import { CacheCorruptionError } from "./cache-corruption-error";
import { ConfigError } from "./config-error";
import { DataContractError } from "./data-contract-error";
import { PeakTradeError, type PeakErrorJson, type PeakErrorOptions } from "./peak-trade-error";
import { ProviderError } from "./provider-error";

type Ctor = new (message: string, options: PeakErrorOptions) => PeakTradeError;

const byCode: Partial<Record<string, Ctor>> = {
  DATA_CONTRACT: DataContractError,
  CONFIG: ConfigError,
  PROVIDER: ProviderError,
  CACHE_CORRUPTION: CacheCorruptionError,
  BACKTEST_INVARIANT: BacktestInvariantError,
};

/**
 * Rebuilds an error from {@link PeakTradeError.toJSON} output (for example after it crossed
 * a process boundary). Known codes get their class back; others become a `PeakTradeError`.
 * A serialised cause comes back as plain data in `cause`.
 *
 * @example
 * ```ts
 * const copy = errorFromJSON(JSON.parse(JSON.stringify(error)));
 * copy instanceof DataContractError; // true when error was one
 * ```
 */
export const errorFromJSON = (json: PeakErrorJson): PeakTradeError => {
  const Ctor = byCode[json.code] ?? PeakTradeError;
  const options: PeakErrorOptions = {
    hint: json.hint,
    context: json.context,
    retryable: json.retryable,
  };
  if (json.cause !== undefined) options.cause = json.cause;
  const error = new Ctor(json.message, options);
  if (json.stack !== undefined) error.stack = json.stack;
  return error;
};
