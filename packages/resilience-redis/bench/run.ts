// Benchmarks for @peak/resilience-redis (not a test; run with `pnpm --filter @peak/resilience-redis bench`).
// 1. Per-call cost of a breaker with the Redis store vs the same local breaker, in one process:
//    passing calls, and failing calls while closed (each failure bumps the store's counter).
//    Each task runs BATCH awaited calls per sample; rounds rotate the task order; we print the
//    median over rounds of each round's median in ns per call and the ratio store/local.
// 2. Propagation: a trip in store A (its own two Redis connections) until the breaker of
//    store B is open; quorum 1, so one trip opens the shared state. Median and p99 over TRIALS.
import { randomUUID } from "node:crypto";
import { ProviderError } from "@peak/errors";
import { circuitBreaker, type CircuitBreaker } from "@peak/resilience";
import { Bench } from "tinybench";
import { createRedisBreakerStore } from "../src/index";
import { findRedisServer, startRedisServer } from "../src/test-support/redis-server";

const ROUNDS = Number(process.env["BENCH_ROUNDS"] ?? 7);
const TIME_MS = Number(process.env["BENCH_TIME_MS"] ?? 300);
const TRIALS = Number(process.env["BENCH_TRIALS"] ?? 50);
const BATCH = 100;
const quiet = { warn: () => undefined };

const quantile = (values: number[], q: number): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[index] ?? NaN;
};
const median = (values: number[]): number => quantile(values, 0.5);

const okValue = Promise.resolve(42);
const failure = new ProviderError("flaky");
const loop = (breaker: CircuitBreaker, fail: boolean) => async () => {
  for (let i = 0; i < BATCH; i += 1) {
    if (fail) await breaker.execute(() => Promise.reject(failure)).catch(() => undefined);
    else await breaker.execute(() => okValue);
  }
};

const overhead = async (url: string): Promise<void> => {
  const store = createRedisBreakerStore({ redis: url, namespace: randomUUID(), logger: quiet });
  if (!(await store.ready())) throw new Error("the store did not connect to redis-server");
  const options = { failureThreshold: 1e9, recoveryTimeoutMs: 60_000 };
  const tasks = [
    ["pass|local", loop(circuitBreaker({ ...options, name: "pl" }), false)],
    ["pass|redis store", loop(circuitBreaker({ ...options, name: "pr", store }), false)],
    ["fail|local", loop(circuitBreaker({ ...options, name: "fl" }), true)],
    ["fail|redis store", loop(circuitBreaker({ ...options, name: "fr", store }), true)],
  ] as const;
  const perRound = new Map<string, number[]>();
  for (let round = 0; round < ROUNDS; round += 1) {
    const order = [...tasks.slice(round % tasks.length), ...tasks.slice(0, round % tasks.length)];
    const bench = new Bench({ time: TIME_MS, warmupTime: 100 });
    for (const [key, run] of order) bench.add(key, run);
    await bench.run();
    for (const [key] of order) {
      const result = bench.getTask(key)?.result as { latency?: { p50: number } } | undefined;
      perRound.set(key, [
        ...(perRound.get(key) ?? []),
        ((result?.latency?.p50 ?? NaN) * 1e6) / BATCH,
      ]);
    }
    process.stderr.write(`round ${round + 1}/${ROUNDS} done\n`);
  }
  await store.close();
  console.log(
    `1. per-call cost (Node ${process.version}, ${ROUNDS} rounds x ${TIME_MS} ms/task, rotated)`,
  );
  for (const kind of ["pass", "fail"] as const) {
    const local = median(perRound.get(`${kind}|local`) ?? []);
    const shared = median(perRound.get(`${kind}|redis store`) ?? []);
    const title = kind === "pass" ? "passing call" : "failing call (closed)";
    console.log(
      `  ${title.padEnd(22)} local ${local.toFixed(0).padStart(5)} ns  redis store ${shared
        .toFixed(0)
        .padStart(5)} ns  ratio ${(shared / local).toFixed(2)}x (goal <= 1.20x)`,
    );
  }
};

const propagation = async (url: string): Promise<void> => {
  const namespace = randomUUID();
  const common = { redis: url, namespace, quorum: 1, logger: quiet };
  const [a, b] = [createRedisBreakerStore(common), createRedisBreakerStore(common)];
  if (!(await a.ready()) || !(await b.ready())) throw new Error("stores did not connect");
  const delays: number[] = [];
  for (let i = 0; i < TRIALS; i += 1) {
    const options = { name: `p${i}`, failureThreshold: 1, recoveryTimeoutMs: 60_000 };
    const source = circuitBreaker({ ...options, store: a });
    const target = circuitBreaker({ ...options, store: b });
    await new Promise((resolve) => setTimeout(resolve, 20)); // let both attach-syncs finish
    const opened = new Promise<number>((resolve) =>
      target.onStateChange((e) => e.to === "open" && resolve(performance.now())),
    );
    const start = performance.now();
    await source.tryExecute(() => Promise.reject(failure));
    delays.push((await opened) - start);
  }
  await Promise.all([a.close(), b.close()]);
  console.log(
    `2. state-change propagation, store A -> store B (own connections), ${TRIALS} trials`,
  );
  console.log(
    `  median ${median(delays).toFixed(2)} ms  p99 ${quantile(delays, 0.99).toFixed(2)} ms  max ${Math.max(...delays).toFixed(2)} ms`,
  );
};

const main = async (): Promise<void> => {
  if (findRedisServer() === undefined) {
    console.log(
      "redis-server not found: install it with `apt-get install redis-server`; skipping the benchmark",
    );
    return;
  }
  const server = await startRedisServer();
  try {
    console.log(`redis-server on ${server.url}\n`);
    await overhead(server.url);
    console.log("");
    await propagation(server.url);
  } finally {
    await server.kill();
  }
};

await main();
