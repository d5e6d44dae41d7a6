import { PeakTradeError, type PeakErrorOptions } from "./peak-trade-error";

/** Options of {@link chainError}. */
export interface ChainErrorOptions<E extends PeakTradeError>
  extends Omit<PeakErrorOptions, "cause"> {
  /** The class of the new error. @defaultValue PeakTradeError */
  as?: new (message: string, options: PeakErrorOptions) => E;
}

/**
 * Wraps a lower-level error in a `PeakTradeError` (or the class in `as`) with a message, a
 * hint and context, keeping the original as `cause`.
 *
 * @example
 * ```ts
 * try { JSON.parse(text); } catch (error) {
 *   throw chainError(error, "Config file is not valid JSON", {
 *     as: ConfigError,
 *     hint: "Check for a trailing comma",
 *     context: { path: "config.json" },
 *   });
 * }
 * ```
 */
export function chainError<E extends PeakTradeError = PeakTradeError>(
  original: unknown,
  message: string,
  options: ChainErrorOptions<E> = {},
): E {
  const { as, ...rest } = options;
  const Ctor = (as ?? PeakTradeError) as new (message: string, options: PeakErrorOptions) => E;
  return new Ctor(message, { ...rest, cause: original });
}
