import type { Seed } from "../rng/seed";

/** Current {@link ReproContextJson} layout version. */
export const REPRO_CONTEXT_SCHEMA_VERSION = 1;

/** Everything a {@link ReproContext} records about a run. */
export interface ReproContextData {
  /** Sortable UUIDv7 run id. */
  readonly runId: string;
  /** The root seed of every generator in the run. */
  readonly seed: Seed;
  /** Full commit SHA of the working tree, or null outside a repository / without git. */
  readonly gitSha: string | null;
  /** `stableHash(config)`: 64 hex characters of SHA-256 over the RFC 8785 text. */
  readonly configHash: string;
  /** `process.version`, e.g. `"v20.20.2"`. */
  readonly nodeVersion: string;
  /** `process.platform`, e.g. `"linux"`. */
  readonly platform: string;
  /** `process.arch`, e.g. `"x64"`. */
  readonly arch: string;
  /** Creation time as an ISO 8601 UTC string. */
  readonly createdAt: string;
  /** Versions of the `@peak/*` packages in use (see {@link peakPackageVersions}). */
  readonly packages: Readonly<Record<string, string>>;
}

/** The JSON form of a {@link ReproContext}; bigint seeds above 2^53 are decimal strings. */
export interface ReproContextJson {
  schemaVersion: typeof REPRO_CONTEXT_SCHEMA_VERSION;
  runId: string;
  seed: number | string;
  /** Whether `seed` is an integer (number, or decimal string for big ones) or a string seed. */
  seedType: "integer" | "string";
  gitSha: string | null;
  configHash: string;
  nodeVersion: string;
  platform: string;
  arch: string;
  createdAt: string;
  packages: Record<string, string>;
}

/** Data to JSON: the only place seeds change representation. */
export const toContextJson = (data: ReproContextData): ReproContextJson => {
  const { seed } = data;
  const seedType = typeof seed === "string" ? "string" : "integer";
  const json =
    typeof seed === "bigint"
      ? seed <= BigInt(Number.MAX_SAFE_INTEGER)
        ? Number(seed)
        : seed.toString()
      : seed;
  return {
    schemaVersion: REPRO_CONTEXT_SCHEMA_VERSION,
    runId: data.runId,
    seed: json,
    seedType,
    gitSha: data.gitSha,
    configHash: data.configHash,
    nodeVersion: data.nodeVersion,
    platform: data.platform,
    arch: data.arch,
    createdAt: data.createdAt,
    packages: { ...data.packages },
  };
};
