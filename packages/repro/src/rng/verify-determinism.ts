import { assertKnownKeys, ConfigError } from "@peak/errors";
import { firstDifference, type Difference } from "./first-difference";
import { setGlobalSeed } from "./global-seed";
import { createRng, type Rng } from "./rng";
import type { Seed } from "./seed";
import { stableHash } from "../hash/stable-hash";

/** Options of {@link verifyDeterminism}. */
export interface VerifyDeterminismOptions {
  /** Seed of every run: each run gets a fresh `createRng(seed)`. */
  seed: Seed;
  /**
   * How many times to run `fn` (at least 2).
   * @defaultValue 2
   */
  runs?: number | undefined;
  /**
   * Also make `Math.random` deterministic during each run (see {@link setGlobalSeed}), driven
   * by `rng.fork("Math.random")`; it is restored after every run, even when `fn` throws.
   * @defaultValue true
   */
  globalSeed?: boolean | undefined;
}

/** What {@link verifyDeterminism} found. */
export interface DeterminismReport {
  /** True when every run's output has the same canonical hash. */
  readonly deterministic: boolean;
  /** How many runs were made. */
  readonly runs: number;
  /** `stableHash` of each run's output, in run order. */
  readonly hashes: readonly string[];
  /** Present when not deterministic: the first run (0-based) that differs from run 0, and where. */
  readonly firstDifference?: Difference & { readonly run: number };
}

/**
 * Runs `fn` several times under the same seed and compares the canonical hashes of its outputs
 * (RFC 8785, so key order does not matter and no output is compared by a lossy `String()`).
 *
 * @throws {@link ConfigError} for invalid options, or when an output is not JSON data (with its
 * path); errors thrown by `fn` propagate unchanged.
 * @example
 * ```ts
 * const report = await verifyDeterminism((rng) => simulate(rng), { seed: 42, runs: 3 });
 * if (!report.deterministic) console.error(report.firstDifference);
 * ```
 */
export const verifyDeterminism = async <T>(
  fn: (rng: Rng, run: number) => T | Promise<T>,
  options: VerifyDeterminismOptions,
): Promise<DeterminismReport> => {
  assertKnownKeys(options, ["seed", "runs", "globalSeed"], { owner: "verifyDeterminism" });
  const runs = options.runs ?? 2;
  if (!Number.isInteger(runs) || runs < 2) {
    throw new ConfigError(`verifyDeterminism needs runs ≥ 2, got ${String(runs)}`, {
      hint: "Pass an integer of at least 2, e.g. { runs: 3 }",
      context: { runs: String(runs) },
    });
  }
  const outputs: T[] = [];
  for (let run = 0; run < runs; run++) {
    const rng = createRng(options.seed);
    // Math.random gets its own fork, so it never replays the values `rng` hands out.
    const global = options.globalSeed === false ? undefined : rng.fork("Math.random");
    const restore = global && setGlobalSeed(global);
    try {
      outputs.push(await fn(rng, run));
    } finally {
      restore?.();
    }
  }
  const hashes = outputs.map((output) => stableHash(output));
  const run = hashes.findIndex((hash) => hash !== hashes[0]);
  if (run === -1) return { deterministic: true, runs, hashes };
  const difference = firstDifference(outputs[0], outputs[run]) ?? {
    path: "$",
    expected: outputs[0],
    actual: outputs[run],
  };
  return { deterministic: false, runs, hashes, firstDifference: { run, ...difference } };
};
