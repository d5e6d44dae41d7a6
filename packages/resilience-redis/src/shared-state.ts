import type { ResolvedStoreOptions } from "./store-options";

/** The version of the shared-state format written by this package; others are ignored. */
export const SCHEMA_VERSION = 1;

/** A breaker's shared state as stored in Redis (times are Redis `TIME`, epoch ms). */
export interface SharedState {
  readonly v: number;
  readonly name: string;
  /** Increases with every shared transition. */
  readonly gen: number;
  readonly state: "closed" | "open" | "half-open";
  /** End of the shared open period (open only). */
  readonly until: number;
  /** When it was written. */
  readonly at: number;
  /** Instance id of the writer. */
  readonly by: string;
  readonly reason: string;
  /** Instance id allowed to probe (half-open only). */
  readonly prober: string;
  /** When a half-open probe round is given up (half-open only). */
  readonly deadline: number;
}

/** A parsed Redis value: a state, nothing, or state written by another schema version. */
export type ParsedState =
  | { readonly kind: "state"; readonly state: SharedState }
  | { readonly kind: "none" }
  | { readonly kind: "foreign"; readonly version: unknown };

const STATES: readonly unknown[] = ["closed", "open", "half-open"];
const NUMBERS = ["gen", "until", "at", "deadline"] as const;

/** Parses a state value read from Redis or received on the events channel. */
export const parseSharedState = (raw: string | null | undefined): ParsedState => {
  if (raw === null || raw === undefined || raw === "") return { kind: "none" };
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    // Not JSON: `value` stays undefined, which the next line answers as foreign.
  }
  if (typeof value !== "object" || value === null) return { kind: "foreign", version: undefined };
  const s = value as Record<string, unknown>;
  if (s["v"] !== SCHEMA_VERSION) return { kind: "foreign", version: s["v"] };
  const ok =
    typeof s["name"] === "string" &&
    STATES.includes(s["state"]) &&
    NUMBERS.every((key) => typeof s[key] === "number" && Number.isFinite(s[key])) &&
    typeof s["prober"] === "string";
  return ok ? { kind: "state", state: value as SharedState } : { kind: "foreign", version: s["v"] };
};

const warned = new WeakSet<ResolvedStoreOptions>();

/** Warns once per store that state written by another schema version was ignored. */
export const warnForeign = (options: ResolvedStoreOptions, name: string, version: unknown) => {
  if (warned.has(options)) return;
  warned.add(options);
  options.logger.warn("Redis breaker store: ignored shared state of another schema version", {
    breaker: name,
    found: version,
    expected: SCHEMA_VERSION,
  });
};
