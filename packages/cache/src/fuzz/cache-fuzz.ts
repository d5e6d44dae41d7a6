import { runFuzzCases, type FuzzCounts, type FuzzOutcome } from "./fuzz-pool";
import { MUTATIONS, mutate } from "./mutate";
import { seededRandom } from "./seeded-random";
import type { CacheSeed } from "./cache-seeds";

/** A case that ended in a hang, crash or untyped error. */
export interface BadCase {
  index: number;
  seed: string;
  mutation: string;
  outcome: FuzzOutcome;
  detail?: string;
}

/**
 * Fuzzes the Parquet/Arrow decoder: `cases` damaged copies of `seeds` (seeded, reproducible),
 * plus `extra` files as they are, each decoded in a capped worker with a deadline.
 */
export const fuzzCacheDecoder = async (options: {
  workerFile: string;
  seeds: readonly CacheSeed[];
  cases: number;
  seed: number;
  extra?: readonly CacheSeed[];
  deadlineMs?: number;
}): Promise<{ counts: FuzzCounts; bad: BadCase[] }> => {
  const rng = seededRandom(options.seed);
  const labels: Array<{ seed: string; mutation: string }> = [];
  function* payloads() {
    for (const file of options.extra ?? []) {
      labels.push({ seed: file.name, mutation: "none" });
      yield { format: file.format, bytes: file.bytes };
    }
    for (let i = 0; i < options.cases; i += 1) {
      const seed = rng.pick(options.seeds);
      const mutation = rng.pick(MUTATIONS);
      labels.push({ seed: seed.name, mutation });
      yield {
        format: seed.format,
        bytes: mutate(seed.bytes, rng.pick(options.seeds).bytes, mutation, rng),
      };
    }
  }
  const bad: BadCase[] = [];
  const counts = await runFuzzCases({
    workerFile: options.workerFile,
    cases: payloads(),
    ...(options.deadlineMs === undefined ? {} : { deadlineMs: options.deadlineMs }),
    onBad: (index, outcome, detail) =>
      bad.push({ index, ...labels[index]!, outcome, ...(detail === undefined ? {} : { detail }) }),
  });
  return { counts, bad };
};
