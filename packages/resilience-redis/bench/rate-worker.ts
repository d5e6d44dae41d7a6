// One rate-limit measurement for bench/rate-limit.ts, in a fresh process: CONCURRENCY loops of
// awaited acquires on one shared key for TIME_MS (after WARMUP_MS unmeasured) through our Redis
// store (exact, or with local leases), rate-limiter-flexible's
// RateLimiterRedis or Bottleneck's ioredis datastore (a budget so large that every acquire is
// admitted, so the figure is the cost of the shared decision). Prints JSON: admitted, warm-up
// acquires, the process's CPU time (µs) over the measured run, latencies.
import Bottleneck from "bottleneck";
import { Redis } from "ioredis";
import { RateLimiterRedis } from "rate-limiter-flexible";
import { createRedisRateLimitStore } from "../src/index";

const url = process.env["REDIS_URL"] ?? "";
const prefix = process.env["PREFIX"] ?? "bench";
const TIME_MS = Number(process.env["TIME_MS"] ?? 1_000);
const CONCURRENCY = Number(process.env["CONCURRENCY"] ?? 8);
const BIG = 1e9;
const WARMUP_MS = Number(process.env["WARMUP_MS"] ?? 300);
/** Lease of the "peak (leases)" variant (no window exceeds the limit with leases either). */
export const LEASE_SIZE = 100;
export const LEASE_TTL_MS = 10;

const acquireFor = async (
  variant: string,
): Promise<[() => Promise<unknown>, () => Promise<void>]> => {
  if (variant.startsWith("peak")) {
    // A generous command timeout: on a loaded machine the measurement must stay on Redis.
    const store = createRedisRateLimitStore({
      url,
      prefix,
      fleetSize: 4,
      commandTimeoutMs: 5_000,
      ...(variant === "peak (leases)" ? { lease: { size: LEASE_SIZE, ttlMs: LEASE_TTL_MS } } : {}),
      logger: { warn: (m) => process.stderr.write(`${m}\n`) },
    });
    await store.ready();
    const request = { key: "k", weight: 1, limit: BIG, intervalMs: 1_000, burst: 0, maxWaitMs: 0 };
    return [() => store.take(request), () => store.close()];
  }
  if (variant === "rate-limiter-flexible") {
    const client = new Redis(url, { enableOfflineQueue: false });
    await new Promise((resolve) => client.once("ready", resolve));
    const limiter = new RateLimiterRedis({
      storeClient: client,
      points: BIG,
      duration: 1,
      keyPrefix: prefix,
    });
    return [() => limiter.consume("k", 1), async () => client.disconnect()];
  }
  const { hostname, port } = new URL(url);
  const limiter = new Bottleneck({
    id: prefix,
    datastore: "ioredis",
    clientOptions: { host: hostname, port: Number(port) },
    reservoir: BIG,
    reservoirRefreshAmount: BIG,
    reservoirRefreshInterval: 1_000,
  });
  await limiter.ready();
  const job = () => Promise.resolve(1);
  return [() => limiter.schedule(job), () => limiter.disconnect(false)];
};

const [acquire, close] = await acquireFor(process.env["VARIANT"] ?? "peak");
const run = async (ms: number): Promise<number[]> => {
  const latencies: number[] = [];
  const end = performance.now() + ms;
  const loop = async () => {
    while (performance.now() < end) {
      const started = performance.now();
      await acquire();
      latencies.push(performance.now() - started);
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, loop));
  return latencies;
};
const warmup = (await run(WARMUP_MS)).length; // same JIT warm-up for every variant, not measured
const cpuBefore = process.cpuUsage();
const latencies = await run(TIME_MS);
const cpu = process.cpuUsage(cpuBefore);
await close();
// Exit only once the (large) report is flushed into the pipe.
const report = {
  admitted: latencies.length,
  warmup,
  cpuUs: cpu.user + cpu.system,
  latencies: latencies.map((l) => Math.round(l * 1e3) / 1e3),
};
process.stdout.write(JSON.stringify(report), () => process.exit(0));
