import { ConfigError } from "@peak/errors";
import type { InvariantSettings } from "../invariant/invariant";
import { closestName } from "../registry/closest-name";
import { describeValue } from "./describe-value";
import { STRICTNESS_MODES, type InvariantCheckerOptions, type Strictness } from "./options";

const nonNegative = (option: string, value: unknown, fallback: number): number => {
  if (value === undefined) return fallback;
  // Stryker disable next-line ConditionalExpression: Number.isFinite refuses every non-number too
  if (typeof value === "number" && value >= 0 && Number.isFinite(value)) return value;
  throw new ConfigError(`\`${option}\` must be a finite number >= 0, got ${describeValue(value)}`, {
    hint: `Example: ${option}: ${fallback === 0 ? "0.001" : String(fallback)}`,
    context: { option, received: describeValue(value) },
  });
};

const checkLimit = (limit: unknown): InvariantSettings["positionLimit"] => {
  if (limit === undefined) return undefined;
  if (typeof limit !== "object" || limit === null) return nonNegative("positionLimit", limit, 1);
  for (const [symbol, value] of Object.entries(limit))
    nonNegative(`positionLimit.${symbol}`, value, 1);
  return Object.freeze({ ...(limit as Record<string, number>) });
};

/** The strictness option, checked. */
export const resolveStrictness = (value: unknown): Strictness => {
  if (value === undefined) return "raise";
  if (STRICTNESS_MODES.includes(value as Strictness)) return value as Strictness;
  const nearest = typeof value === "string" ? closestName(value, STRICTNESS_MODES) : undefined;
  throw new ConfigError(`Unknown strictness \`${describeValue(value)}\``, {
    hint: `${nearest === undefined ? "" : `Did you mean "${nearest}"? `}Use one of: ${STRICTNESS_MODES.join(", ")}`,
    context: { option: "strictness", received: describeValue(value), suggestion: nearest ?? null },
  });
};

/** The settings the invariants read, with defaults filled in and every value checked. */
export const resolveSettings = (options: InvariantCheckerOptions): InvariantSettings =>
  Object.freeze({
    money: nonNegative("tolerance.money", options.tolerance?.money, 1e-6),
    slippage: nonNegative("tolerance.slippage", options.tolerance?.slippage, 0),
    allowMargin: options.allowMargin === true,
    positionLimit: checkLimit(options.positionLimit),
  });
