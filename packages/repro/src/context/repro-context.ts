import { randomInt } from "node:crypto";
import { checkContextOptions, type ReproContextOptions } from "./context-options";
import { getGitSha, getGitShaSync } from "./git-sha";
import { peakPackageVersions } from "./package-versions";
import { toContextJson, type ReproContextData, type ReproContextJson } from "./repro-context-data";
import { parseContextJson } from "./repro-context-json";
import { createRng, type Rng } from "../rng/rng";
import { createRunId } from "./run-id";
import type { Seed } from "../rng/seed";
import { stableHash } from "../hash/stable-hash";

/**
 * What makes a run reproducible and traceable: a sortable UUIDv7 `runId`, the seed, the git
 * commit, the config hash, the runtime and the `@peak/*` package versions. Immutable.
 *
 * @example
 * ```ts
 * const ctx = await ReproContext.create({ seed: 42, config: { strategy: "ma_crossover" } });
 * const rng = ctx.rng("backtest");
 * writeFileSync("run.json", JSON.stringify(ctx));
 * const again = ReproContext.fromJSON(readFileSync("run.json", "utf8"));
 * ```
 */
export class ReproContext implements ReproContextData {
  /** Sortable UUIDv7 run id. */
  readonly runId: string;
  /** Root seed of every generator in the run (drawn at random when none was given). */
  readonly seed: Seed;
  /** Full commit SHA, or null outside a repository / without git. */
  readonly gitSha: string | null;
  /** `stableHash(config)`: 64 hex characters (or the `configHash` option as given). */
  readonly configHash: string;
  /** `process.version`. */
  readonly nodeVersion: string;
  /** `process.platform`. */
  readonly platform: string;
  /** `process.arch`. */
  readonly arch: string;
  /** Creation time, ISO 8601 UTC. */
  readonly createdAt: string;
  /** Versions of the `@peak/*` packages in use, by name (see {@link peakPackageVersions}). */
  readonly packages: Readonly<Record<string, string>>;

  /** Prefer {@link ReproContext.create}; this stores already validated data as is. */
  constructor(data: ReproContextData) {
    this.runId = data.runId;
    this.seed = data.seed;
    this.gitSha = data.gitSha;
    this.configHash = data.configHash;
    this.nodeVersion = data.nodeVersion;
    this.platform = data.platform;
    this.arch = data.arch;
    this.createdAt = data.createdAt;
    this.packages = Object.freeze({ ...data.packages });
    Object.freeze(this);
  }

  /**
   * Creates a context, detecting the git commit asynchronously unless `gitSha` is given.
   * @throws {@link ConfigError} for an invalid seed, `gitSha`, `configHash` or `now`, or a config
   * that cannot be hashed (with its path).
   */
  static async create(options: ReproContextOptions = {}): Promise<ReproContext> {
    checkContextOptions(options);
    const gitSha =
      options.gitSha !== undefined
        ? options.gitSha
        : await getGitSha({ cwd: options.cwd, timeoutMs: options.gitTimeoutMs });
    return build(options, gitSha);
  }

  /**
   * {@link ReproContext.create} with a blocking git call (at most `gitTimeoutMs`).
   * @throws {@link ConfigError} as {@link ReproContext.create}.
   */
  static createSync(options: ReproContextOptions = {}): ReproContext {
    checkContextOptions(options);
    const gitSha =
      options.gitSha !== undefined
        ? options.gitSha
        : getGitShaSync({ cwd: options.cwd, timeoutMs: options.gitTimeoutMs });
    return build(options, gitSha);
  }

  /**
   * Rebuilds a context from {@link ReproContext.toJSON} output or its JSON text.
   * @throws {@link ConfigError} naming the first missing or malformed field.
   */
  static fromJSON(json: unknown): ReproContext {
    return new ReproContext(parseContextJson(json));
  }

  /** A generator seeded by this run's seed; with a name, the named fork of it. */
  rng(stream?: string): Rng {
    const root = createRng(this.seed);
    return stream === undefined ? root : root.fork(stream);
  }

  /** Plain JSON data; `JSON.stringify(ctx)` uses it. */
  toJSON(): ReproContextJson {
    return toContextJson(this);
  }
}

const build = (options: ReproContextOptions, gitSha: string | null): ReproContext => {
  const seed = options.seed ?? randomInt(0, 2 ** 48 - 1);
  const now = options.now ?? Date.now;
  return new ReproContext({
    runId: createRunId(),
    seed,
    gitSha,
    configHash: options.configHash ?? stableHash(options.config ?? {}),
    nodeVersion: process.version,
    platform: process.platform,
    arch: process.arch,
    createdAt: new Date(now()).toISOString(),
    packages: peakPackageVersions(options.cwd),
  });
};
