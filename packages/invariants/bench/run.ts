// Benchmark (not a test): pnpm --filter @peak/invariants bench
// Checks 1M valid steps (a 10k-step run replayed 100 times, reset between replays) with each
// built-in alone, with none (the checker's own loop) and with all of them; rotates the order
// every round and prints medians in ns per step.
import { LIMIT, simulate, type BarMove } from "../src/__fixtures__/trading";
import { BUILTIN_INVARIANT_NAMES, createInvariantChecker } from "../src/index";

const BLOCK = 10_000;
const REPLAYS = 100;
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);

// mulberry32: a fixed seed without depending on @peak/repro (this package needs @peak/errors only).
let seed = 42;
const next = () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
};
const moves: BarMove[] = Array.from({ length: BLOCK }, () => ({
  change: (next() - 0.5) * 0.004,
  wick: next() * 0.002,
  order: Math.floor(next() * 41) - 20,
  fresh: next() < 0.5,
}));
const steps = simulate(moves, 1_000_000);

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** ns per step for one pass over 1M steps with the given invariants. */
const pass = (invariants: readonly string[]): number => {
  const checker = createInvariantChecker({ invariants, positionLimit: LIMIT });
  const start = process.hrtime.bigint();
  for (let r = 0; r < REPLAYS; r++) {
    for (let i = 0; i < steps.length; i++) checker.check(steps[i]!);
    checker.reset();
  }
  return Number(process.hrtime.bigint() - start) / (BLOCK * REPLAYS);
};

const cases: Array<[string, readonly string[]]> = [
  ["(none: checker loop)", []],
  ...BUILTIN_INVARIANT_NAMES.map((n): [string, string[]] => [n, [n]]),
  ["all 8 built-ins", BUILTIN_INVARIANT_NAMES],
];
const samples = new Map(cases.map(([name]) => [name, [] as number[]]));
for (let round = 0; round < ROUNDS + 1; round++) {
  for (let k = 0; k < cases.length; k++) {
    const [name, invariants] = cases[(round + k) % cases.length]!;
    const ns = pass(invariants);
    if (round > 0) samples.get(name)!.push(ns); // round 0 warms up
  }
}

const base = median(samples.get("(none: checker loop)")!);
console.log(`@peak/invariants: ${BLOCK * REPLAYS} steps per pass, ${ROUNDS} rounds, medians`);
console.log(`${"invariant".padEnd(22)} ${"ns/step".padStart(8)} ${"minus loop".padStart(11)}`);
for (const [name] of cases) {
  const ns = median(samples.get(name)!);
  console.log(
    `${name.padEnd(22)} ${ns.toFixed(1).padStart(8)} ${(ns - base).toFixed(1).padStart(11)}`,
  );
}
const all = median(samples.get("all 8 built-ins")!);
console.log(
  `all 8 built-ins: ${all.toFixed(1)} ns per step, ${(all / 8).toFixed(1)} ns per step per invariant`,
);
