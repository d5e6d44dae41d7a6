import { ConfigError } from "@peak/errors";
import { BUILTIN_INVARIANTS } from "../builtins/builtin-invariants";
import type { Invariant } from "../invariant/invariant";
import { closestName } from "./closest-name";

const checkCustom = (invariant: unknown, at: number): Invariant => {
  const i = invariant as Partial<Invariant> | null;
  const ok =
    typeof i === "object" &&
    i !== null &&
    typeof i.name === "string" &&
    i.name !== "" &&
    Array.isArray(i.requires) &&
    typeof i.create === "function";
  if (ok) return i as Invariant;
  throw new ConfigError(`custom[${at}] is not an invariant`, {
    hint: "Build it with defineInvariant({ name, description, requires, create })",
    context: { option: "custom", index: at },
  });
};

/** Built-ins plus the custom invariants, by name; a custom one may not reuse a taken name. */
const registerAll = (custom: readonly unknown[]): Map<string, Invariant> => {
  const byName = new Map(BUILTIN_INVARIANTS.map((i) => [i.name, i]));
  custom.forEach((entry, at) => {
    const invariant = checkCustom(entry, at);
    if (byName.has(invariant.name)) {
      throw new ConfigError(`Duplicate invariant name \`${invariant.name}\``, {
        hint: "Give the custom invariant a name no built-in or other custom invariant uses",
        context: { option: "custom", index: at, name: invariant.name },
      });
    }
    byName.set(invariant.name, invariant);
  });
  return byName;
};

const unknownName = (name: unknown, at: number, available: string[]): ConfigError => {
  const text = String(name);
  const nearest = typeof name === "string" ? closestName(name, available) : undefined;
  const listing = `Available: ${available.join(", ")}`;
  return new ConfigError(`Unknown invariant \`${text}\` at invariants[${at}]`, {
    hint: nearest === undefined ? listing : `Did you mean \`${nearest}\`? ${listing}`,
    context: {
      option: "invariants",
      index: at,
      name: text,
      suggestion: nearest ?? null,
      available,
    },
  });
};

/**
 * The invariants a checker runs: each name in `names` (built-in or custom), or, when `names`
 * is absent, every built-in followed by every custom invariant.
 * @throws ConfigError for an unknown name (with the nearest one), a duplicate or a malformed one.
 */
export const resolveInvariants = (
  names: readonly unknown[] | undefined,
  custom: readonly unknown[] = [],
): Invariant[] => {
  const byName = registerAll(custom);
  if (names === undefined) return [...byName.values()];
  if (!Array.isArray(names)) {
    throw new ConfigError("`invariants` must be an array of invariant names", {
      hint: 'Example: invariants: ["monotonic_time", "equity_identity"]',
      context: { option: "invariants", received: typeof names },
    });
  }
  const chosen = new Map<string, Invariant>();
  names.forEach((name, at) => {
    const invariant = typeof name === "string" ? byName.get(name) : undefined;
    if (invariant === undefined) throw unknownName(name, at, [...byName.keys()]);
    chosen.set(invariant.name, invariant);
  });
  return [...chosen.values()];
};
