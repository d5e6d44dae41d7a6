import { assertKnownKeys, ConfigError } from "@peak/errors";
import { HASH, HEX_SHA } from "./repro-context-json";
import { encodeSeed, type Seed } from "../rng/seed";

/** Options of {@link ReproContext.create} and {@link ReproContext.createSync}. */
export interface ReproContextOptions {
  /**
   * Root seed. When omitted a random safe integer is drawn and recorded, so the run can still
   * be replayed from its context.
   */
  seed?: Seed | undefined;
  /**
   * The run's configuration; only its {@link stableHash} is kept.
   * @defaultValue {}
   */
  config?: unknown;
  /** A precomputed config hash (e.g. from {@link legacyPythonHash}); replaces hashing `config`. */
  configHash?: string | undefined;
  /** A known commit SHA, or null: skips running git. */
  gitSha?: string | null | undefined;
  /**
   * Folder for git detection and for resolving `@peak/*` package versions.
   * @defaultValue process.cwd()
   */
  cwd?: string | undefined;
  /**
   * Time limit for git detection.
   * @defaultValue 1000
   */
  gitTimeoutMs?: number | undefined;
  /**
   * Clock in Unix milliseconds, for `createdAt`.
   * @defaultValue Date.now
   */
  now?: (() => number) | undefined;
}

/** The options of `ReproContext.create` that are stored as given. */
interface StoredOptions {
  seed?: unknown;
  gitSha?: unknown;
  configHash?: unknown;
  now?: unknown;
}

const invalid = (option: string, expected: string, value: unknown): ConfigError =>
  new ConfigError(`Invalid ReproContext option \`${option}\`: expected ${expected}`, {
    hint: `Pass ${expected}, or leave \`${option}\` out`,
    context: { option, value: String(value) },
  });

/**
 * Checks the options that end up in the context unchanged, so that every context created can
 * be read back by `ReproContext.fromJSON`.
 * @throws {@link ConfigError} naming the option.
 */
export const checkContextOptions = (options: StoredOptions): void => {
  assertKnownKeys(
    options,
    ["seed", "config", "configHash", "gitSha", "cwd", "gitTimeoutMs", "now"],
    { owner: "ReproContext.create" },
  );
  if (options.seed !== undefined) encodeSeed(options.seed);
  const { gitSha, configHash, now } = options;
  if (
    gitSha !== undefined &&
    gitSha !== null &&
    !(typeof gitSha === "string" && HEX_SHA.test(gitSha))
  ) {
    throw invalid("gitSha", "null or a lower-case hex commit SHA", gitSha);
  }
  if (configHash !== undefined && !(typeof configHash === "string" && HASH.test(configHash))) {
    throw invalid("configHash", "a lower-case hex digest of 16 to 128 characters", configHash);
  }
  if (now !== undefined && typeof now !== "function") {
    throw invalid("now", "a function returning Unix milliseconds", now);
  }
};
