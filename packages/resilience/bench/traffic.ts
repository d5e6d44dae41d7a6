// Per-call cost of the rate limiter, bulkhead and fallback vs Bottleneck, rate-limiter-flexible
// (RateLimiterMemory), cockatiel's bulkhead and fallback and p-limit, in one process; then the
// 10,000-waiter drain of bench/drain.ts.
// Rounds rotate the task order; we print the median over rounds of each round's median.
import { Bench } from "tinybench";
import { drain } from "./drain";
import { buildTrafficTasks, type TrafficTask } from "./traffic-scenarios";

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const TIME_MS = Number(process.env.BENCH_TIME_MS ?? 300);
const BATCH = 100;

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) / 2)] ?? NaN;
};
const key = (t: TrafficTask) => `${t.group}|${t.lib}`;

const runRounds = async (tasks: TrafficTask[]): Promise<Map<string, number>> => {
  const perRound = new Map<string, number[]>();
  for (let round = 0; round < ROUNDS; round += 1) {
    const shift = round % tasks.length;
    const order = [...tasks.slice(shift), ...tasks.slice(0, shift)];
    const bench = new Bench({ time: TIME_MS, warmupTime: 100 });
    for (const t of order) bench.add(key(t), t.run);
    await bench.run();
    for (const t of order) {
      const result = bench.getTask(key(t))?.result as { latency?: { p50: number } } | undefined;
      perRound.set(key(t), [
        ...(perRound.get(key(t)) ?? []),
        ((result?.latency?.p50 ?? NaN) * 1e6) / BATCH,
      ]);
    }
    process.stderr.write(`traffic round ${round + 1}/${ROUNDS} done\n`);
  }
  return new Map([...perRound].map(([k, v]) => [k, median(v)]));
};

const TITLES = {
  "rl-ok": "rate limiter, admitted call",
  "rl-reject": "rate limiter, rejected call",
  "bh-ok": "bulkhead, admitted call",
  "bh-reject": "bulkhead, rejected call (full)",
  "fb-ok": "fallback, answered call",
} as const;
const fmt = (n: number) => (Number.isFinite(n) ? n.toFixed(0) : "n/a").padStart(10);

const printGroups = (tasks: TrafficTask[], medians: Map<string, number>): void => {
  const base = medians.get("baseline|await ok()") ?? NaN;
  console.log(`Node ${process.version}, ${ROUNDS} rounds x ${TIME_MS} ms/task, rotated order`);
  console.log(`baseline await ok(): ${base.toFixed(0)} ns/call\n`);
  for (const group of Object.keys(TITLES) as (keyof typeof TITLES)[]) {
    const rows = tasks.filter((t) => t.group === group);
    if (rows.length === 0) continue;
    const oursNs = medians.get(key(rows[0] as TrafficTask)) ?? NaN;
    console.log(TITLES[group]);
    console.log(
      `  ${"library".padEnd(30)}${"ns/call".padStart(10)}${"overhead".padStart(10)}  peer/ours`,
    );
    for (const t of rows) {
      const ns = medians.get(key(t)) ?? NaN;
      const vs = t.lib.startsWith("@peak") ? "" : `${(ns / oursNs).toFixed(2)}x`;
      console.log(`  ${t.lib.padEnd(30)}${fmt(ns)}${fmt(ns - base)}  ${vs}`);
    }
    const peers = rows
      .filter((t) => !t.lib.startsWith("@peak"))
      .map((t) => medians.get(key(t)) ?? NaN);
    // Compared on overhead: cost per call minus the bare `await ok()` every loop pays.
    const ours = oursNs - base;
    const cheapest = Math.min(...peers) - base;
    const verdict = group.endsWith("ok")
      ? `admitted overhead ${ours.toFixed(0)} ns <= cheapest peer's ${cheapest.toFixed(0)} ns: ${ours <= cheapest ? "PASS" : "FAIL"}`
      : `rejection overhead ${(cheapest / ours).toFixed(1)}x lower than the cheapest peer's (goal >= 5x): ${cheapest / ours >= 5 ? "PASS" : "FAIL"}`;
    console.log(`  verdict (${rows[0]?.lib}): ${verdict}\n`);
  }
};

const main = async (): Promise<void> => {
  if (process.env.BENCH_ONLY === "drain") return drain();
  const built = buildTrafficTasks(BATCH);
  const only = process.env.BENCH_ONLY; // a group prefix, e.g. "bh" or "fb"; the baseline always runs
  const tasks = built.tasks.filter(
    (t) => only === undefined || t.group === "baseline" || t.group.startsWith(only),
  );
  const shutdown = built.shutdown;
  try {
    printGroups(tasks, await runRounds(tasks));
  } finally {
    shutdown();
  }
  if (only === undefined) await drain();
};

await main();
