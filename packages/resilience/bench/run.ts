// Per-call cost of @peak/resilience vs cockatiel 4 and opossum 10, in one process.
// Scenarios: (a) passing call through a breaker, (b) rejected call while open, (c) retry that
// succeeds on the 2nd attempt with zero delay, (d) composed retry → breaker → timeout chain.
// Each task runs `batch` awaited calls per sample; rounds rotate the task order; we print the
// median over rounds of each round's median, in ns per call, and the overhead over a bare await.
// BENCH_BASELINE=<path to an earlier copy's src/index.ts> adds "@peak/resilience (before)"
// rows, measured in the same interleaved rounds.
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { Bench } from "tinybench";
import type { OurApi } from "./our-tasks";
import { buildTasks } from "./scenarios";
import type { Task } from "./task";

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const TIME_MS = Number(process.env.BENCH_TIME_MS ?? 300);
const BATCH = 100;

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? (sorted[mid] ?? NaN)
    : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
};

const key = (t: Task) => `${t.scenario}|${t.lib}`;

const runRounds = async (tasks: Task[]): Promise<Map<string, number>> => {
  const perRound = new Map<string, number[]>();
  for (let round = 0; round < ROUNDS; round += 1) {
    const order = [...tasks.slice(round % tasks.length), ...tasks.slice(0, round % tasks.length)];
    const bench = new Bench({ time: TIME_MS, warmupTime: 100 });
    for (const t of order) bench.add(key(t), t.run);
    await bench.run();
    for (const t of order) {
      const result = bench.getTask(key(t))?.result as { latency?: { p50: number } } | undefined;
      const ns = ((result?.latency?.p50 ?? NaN) * 1e6) / t.batch;
      perRound.set(key(t), [...(perRound.get(key(t)) ?? []), ns]);
    }
    process.stderr.write(`round ${round + 1}/${ROUNDS} done\n`);
  }
  return new Map([...perRound].map(([k, v]) => [k, median(v)]));
};

const TITLES = {
  a: "(a) passing call through a closed breaker",
  b: "(b) rejected call while open",
  c: "(c) retry succeeding on the 2nd attempt, zero delay",
  d: "(d) composed chain (retry → breaker → timeout 10 s), success",
} as const;

const fmt = (n: number, width = 10) => (Number.isFinite(n) ? n.toFixed(0) : "n/a").padStart(width);
const ratio = (n: number) => (Number.isFinite(n) ? `${n.toFixed(2)}x` : "n/a");

const print = (tasks: Task[], medians: Map<string, number>): void => {
  const base = medians.get("baseline|await ok()") ?? NaN;
  console.log(`Node ${process.version}, ${ROUNDS} rounds x ${TIME_MS} ms/task, rotated order`);
  console.log(`baseline await ok(): ${base.toFixed(0)} ns/call\n`);
  for (const scenario of ["a", "b", "c", "d"] as const) {
    const rows = tasks.filter((t) => t.scenario === scenario);
    const ours = medians.get(`${scenario}|@peak/resilience`) ?? NaN;
    console.log(TITLES[scenario]);
    console.log(
      `  ${"library".padEnd(36)}${"ns/call".padStart(10)}${"overhead".padStart(10)}  vs ours (cost / overhead)`,
    );
    for (const t of rows) {
      const ns = medians.get(key(t)) ?? NaN;
      const cmp =
        t.lib === "@peak/resilience"
          ? ""
          : `${ratio(ns / ours)} / ${ratio((ns - base) / (ours - base))}`;
      console.log(`  ${t.lib.padEnd(36)}${fmt(ns)}${fmt(ns - base)}  ${cmp}`);
    }
    console.log("");
  }
};

const loadBaseline = async (): Promise<OurApi | undefined> => {
  const path = process.env.BENCH_BASELINE;
  return path ? ((await import(pathToFileURL(resolve(path)).href)) as OurApi) : undefined;
};

const main = async (): Promise<void> => {
  const { tasks, shutdown } = await buildTasks(BATCH, await loadBaseline());
  try {
    print(tasks, await runRounds(tasks));
  } finally {
    shutdown();
  }
};

await main();
