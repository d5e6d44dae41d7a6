// Benchmarks for @peak/resilience-redis (not a test; run with `pnpm --filter @peak/resilience-redis bench`).
// 1. Per-call cost of a breaker with the Redis store vs the same local breaker: passing calls,
//    and failing calls while closed (each failure bumps the store's counter). Each measurement
//    runs in a fresh process (bench/overhead-worker.ts, 100 awaited calls per sample); rounds
//    rotate the order; we print the median over rounds in ns per call and the ratio store/local.
// 2. Propagation: a trip in store A (its own two Redis connections) until the breaker of
//    store B is open; quorum 1, so one trip opens the shared state. Median and p99 over TRIALS.
// 3. Fleet rate limiting vs rate-limiter-flexible and Bottleneck (bench/rate-limit.ts).
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { randomUUID } from "node:crypto";
import { fileURLToPath } from "node:url";
import { ProviderError } from "@peak/errors";
import { circuitBreaker } from "@peak/resilience";
import { createRedisBreakerStore } from "../src/index";
import { findRedisServer, startRedisServer } from "../src/test-support/redis-server";
import { rateLimitBench } from "./rate-limit";

const ROUNDS = Number(process.env["BENCH_ROUNDS"] ?? 7);
const TIME_MS = Number(process.env["BENCH_TIME_MS"] ?? 500);
const TRIALS = Number(process.env["BENCH_TRIALS"] ?? 50);
const quiet = { warn: () => undefined };

const quantile = (values: number[], q: number): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[index] ?? NaN;
};
const median = (values: number[]): number => quantile(values, 0.5);

const failure = new ProviderError("flaky");
const WORKER = fileURLToPath(new URL("./overhead-worker.ts", import.meta.url));
const VARIANTS = ["pass|local", "pass|redis store", "fail|local", "fail|redis store"] as const;

// One fresh process per measurement, so each variant gets the same JIT conditions.
const measure = (variant: string, url: string): number => {
  const out = execFileSync(
    process.execPath,
    ["--conditions=@peak/source", "--import", "tsx", WORKER],
    { env: { ...process.env, VARIANT: variant, REDIS_URL: url, BENCH_TIME_MS: String(TIME_MS) } },
  );
  return Number(out.toString().trim());
};

const overhead = (url: string): void => {
  const perRound = new Map<string, number[]>();
  for (let round = 0; round < ROUNDS; round += 1) {
    const order = [...VARIANTS.slice(round % 4), ...VARIANTS.slice(0, round % 4)];
    for (const variant of order) {
      perRound.set(variant, [...(perRound.get(variant) ?? []), measure(variant, url)]);
    }
    process.stderr.write(`round ${round + 1}/${ROUNDS} done\n`);
  }
  console.log(
    `1. per-call cost (Node ${process.version}, ${ROUNDS} rounds x ${TIME_MS} ms, one process per measurement, rotated)`,
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
  const binary = findRedisServer();
  if (binary === undefined || !existsSync(binary)) {
    console.log(
      "redis-server not found: install it with `apt-get install redis-server`; skipping the benchmark",
    );
    return;
  }
  const server = await startRedisServer();
  try {
    console.log(`redis-server on ${server.url}\n`);
    // BENCH_ONLY=rate runs part 3 alone.
    if (process.env["BENCH_ONLY"] !== "rate") {
      overhead(server.url);
      console.log("");
      await propagation(server.url);
      console.log("");
    }
    await rateLimitBench(server.url);
  } finally {
    await server.kill();
  }
};

await main();
