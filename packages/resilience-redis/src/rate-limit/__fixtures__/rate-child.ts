// A fleet worker for the rate-limit tests: bursts weighted takes at one shared key for
// DURATION_MS and prints one JSON line: every admission (client time when it proceeds, weight,
// mode, "lease" for a spend from a local lease), the time the store counted it at (`at`, for a
// lease spend its time in Redis's frame), and the slowest take() it saw. LEASE_SIZE turns leases on.
import { createRedisRateLimitStore } from "@peak/resilience-redis";

const env = (key: string, fallback = ""): string => process.env[key] ?? fallback;
const num = (key: string, fallback: number): number => Number(env(key, String(fallback)));
let seed = num("SEED", 1);
const random = (): number => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const store = createRedisRateLimitStore({
  url: env("REDIS_URL"),
  prefix: env("PREFIX"),
  fleetSize: num("FLEET", 4),
  commandTimeoutMs: num("COMMAND_TIMEOUT_MS", 200),
  reconnectIntervalMs: 100,
  marginMs: num("MARGIN_MS", 100),
  logger: { warn: () => undefined, info: () => undefined },
  ...(env("LEASE_SIZE") === "" ? {} : { lease: { size: num("LEASE_SIZE", 0), ttlMs: 40 } }),
});
const request = () => ({
  key: "binance",
  weight: 1 + Math.floor(random() * 5),
  limit: num("LIMIT", 60),
  intervalMs: num("INTERVAL_MS", 1_000),
  burst: 0,
  maxWaitMs: 300,
});

const admitted: { t: number; at: number; w: number; mode: string }[] = [];
const modes = new Set<string>();
let slowestTakeMs = 0;
await store.ready(5_000);
process.send?.("ready");
const end = Date.now() + num("DURATION_MS", 3_000);
const worker = async () => {
  while (Date.now() < end) {
    const req = request();
    const started = performance.now();
    const mode = store.mode;
    const result = await store.take(req);
    slowestTakeMs = Math.max(slowestTakeMs, performance.now() - started);
    modes.add(mode);
    if (!result.ok) {
      await sleep(Math.min(result.retryAfterMs, 50));
      continue;
    }
    if (result.waitMs > 0) await sleep(result.waitMs);
    admitted.push({
      t: Date.now(),
      at: result.at,
      w: req.weight,
      mode: result.leased ? "lease" : mode,
    });
  }
};
await Promise.all([worker(), worker(), worker()]);
console.log(JSON.stringify({ admitted, slowestTakeMs, modes: [...modes], finalMode: store.mode }));
await store.close();
process.disconnect?.();
