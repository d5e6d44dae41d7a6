// Interleaved rounds and medians for the cache bench.

/** A named case; `run` may return its own elapsed ms (e.g. a peer timing itself, setup excluded). */
export type Case = [name: string, run: () => Promise<unknown>];

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;

/**
 * Runs every case once to warm up, then `rounds` rounds with the order rotated each round, and
 * prints each case's median and its ratio to the first case's. Returns the medians by name.
 */
export const measure = async (
  title: string,
  cases: Case[],
  rounds: number,
  after: () => Promise<void> = async () => undefined,
): Promise<Map<string, number>> => {
  const times = new Map<string, number[]>(cases.map(([name]) => [name, []]));
  for (const [, run] of cases) await run(); // warm-up
  for (let round = 0; round < rounds; round += 1) {
    for (let i = 0; i < cases.length; i += 1) {
      const [name, run] = cases[(i + round) % cases.length]!;
      const t0 = performance.now();
      const own = await run();
      times.get(name)!.push(typeof own === "number" ? own : performance.now() - t0);
    }
  }
  await after();
  const medians = new Map([...times].map(([name, xs]) => [name, median(xs)]));
  const base = medians.get(cases[0]![0])!;
  console.log(`\n${title} (median of ${rounds}, ratio vs first row)`);
  for (const [name, ms] of medians) {
    console.log(`  ${name.padEnd(56)} ${ms.toFixed(1).padStart(8)} ms  ${(ms / base).toFixed(2)}x`);
  }
  return medians;
};

/** Prints a goal's verdict: `ratio` = ours / theirs, met when at most `limit`. */
export const verdict = (goal: string, ours: number, theirs: number, limit: number): void => {
  const ratio = ours / theirs;
  console.log(
    `VERDICT ${ratio <= limit ? "MET" : "NOT MET"}: ${goal}: ${ratio.toFixed(2)}x (goal <= ${limit}x)`,
  );
};
