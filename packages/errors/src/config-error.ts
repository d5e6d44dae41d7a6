import { brandFor, hasBrand, setBrand } from "./brand";
import { PeakTradeError, type PeakErrorOptions } from "./peak-trade-error";

const brand = brandFor("ConfigError");

/**
 * A configuration or argument is wrong: an unknown key, a value out of range, an unknown
 * strategy. `context` names the path or key.
 *
 * @example
 * ```ts
 * throw new ConfigError("Unknown key `retrys`", {
 *   hint: "Did you mean `retries`?",
 *   context: { path: "resilience.retrys" },
 * });
 * ```
 */
export class ConfigError extends PeakTradeError {
  override readonly code = "CONFIG" as const;

  constructor(message: string, options: PeakErrorOptions = {}) {
    super(message, options);
    setBrand(this, brand);
  }

  /** True for any `ConfigError`, including one from another copy of this package. */
  static override isInstance(value: unknown): value is ConfigError {
    return hasBrand(value, brand);
  }
}

/** Guard form of {@link ConfigError.isInstance}. */
export const isConfigError = (value: unknown): value is ConfigError =>
  ConfigError.isInstance(value);
