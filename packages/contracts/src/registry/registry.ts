import { ConfigError, didYouMean } from "@peak/errors";

/** A name → factory map for strategies (or any pluggable part). */
export interface Registry<T, Args extends unknown[] = []> {
  /** Adds a factory; returns the registry for chaining. */
  register: (name: string, factory: (...args: Args) => T) => Registry<T, Args>;
  /** The factory registered under `name`. */
  get: (name: string) => (...args: Args) => T;
  /** Calls the factory registered under `name`. */
  create: (name: string, ...args: Args) => T;
  /** Whether `name` is registered. */
  has: (name: string) => boolean;
  /** Registered names, sorted (for a `--list-strategies` style listing). */
  list: () => string[];
}

/** Options of {@link createRegistry}. */
export interface RegistryOptions {
  /**
   * What the entries are, for messages ("Unknown strategy `foo`").
   * @defaultValue "entry"
   */
  kind?: string;
}

const checkName = (name: unknown, kind: string): string => {
  if (typeof name !== "string" || name.trim() === "") {
    throw new ConfigError(`A ${kind} name must be a non-empty string`, {
      hint: `Use a name such as "ma_crossover"`,
      context: { name: String(name) },
    });
  }
  return name;
};

const unknownName = (kind: string, name: string, available: string[]): ConfigError => {
  const listing = available.length > 0 ? available.join(", ") : `none (register a ${kind} first)`;
  return new ConfigError(`Unknown ${kind} \`${name}\``, {
    hint: didYouMean(name, available) ?? `Available: ${listing}`,
    context: { kind, name, available },
  });
};

const checkNew = (kind: string, name: string, factory: unknown, available: string[]): void => {
  if (available.includes(name)) {
    throw new ConfigError(`Duplicate ${kind} \`${name}\``, {
      hint: `Pick another name; \`${name}\` is already registered`,
      context: { kind, name, available },
    });
  }
  if (typeof factory !== "function") {
    throw new ConfigError(`The ${kind} \`${name}\` needs a factory function`, {
      hint: "Pass a function that builds the entry, e.g. (config) => new MyStrategy(config)",
      context: { kind, name, received: typeof factory },
    });
  }
};

/**
 * Creates an empty registry of named factories. Names are case-sensitive and must be
 * non-empty; nothing is registered at import time.
 *
 * @throws ConfigError (from the methods) when a name is empty, registered twice, or unknown:
 *   `context.available` lists the registered names and `hint` suggests the nearest one.
 * @example
 * ```ts
 * const strategies = createRegistry<Strategy, [StrategyConfig]>({ kind: "strategy" });
 * strategies.register("ma_crossover", (cfg) => new MaCrossover(cfg));
 * strategies.create("ma_crosover", cfg); // ConfigError: Unknown strategy `ma_crosover` … did you mean `ma_crossover`?
 * ```
 */
export const createRegistry = <T, Args extends unknown[] = []>(
  options: RegistryOptions = {},
): Registry<T, Args> => {
  const kind = options.kind ?? "entry";
  const factories = new Map<string, (...args: Args) => T>();
  const list = () => [...factories.keys()].sort();
  const get = (name: string) => {
    const factory = factories.get(checkName(name, kind));
    if (factory === undefined) throw unknownName(kind, name, list());
    return factory;
  };
  const registry: Registry<T, Args> = {
    register: (name, factory) => {
      checkNew(kind, checkName(name, kind), factory, list());
      factories.set(name, factory);
      return registry;
    },
    get,
    create: (name, ...args) => get(name)(...args),
    has: (name) => factories.has(name),
    list,
  };
  return registry;
};
