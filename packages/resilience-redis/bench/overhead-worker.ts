// One measurement for bench/run.ts in a fresh process (so every variant gets the same JIT
// conditions): BATCH awaited calls per sample through a local breaker or one with the Redis
// store, passing or failing (while closed). Prints the median ns per call on stdout.
import { randomUUID } from "node:crypto";
import { ProviderError } from "@peak/errors";
import { circuitBreaker } from "@peak/resilience";
import { Bench } from "tinybench";
import { createRedisBreakerStore } from "../src/index";

const [kind, mode] = (process.env["VARIANT"] ?? "pass|local").split("|");
const BATCH = 100;
const okValue = Promise.resolve(42);
const failure = new ProviderError("flaky");

const store =
  mode === "redis store"
    ? createRedisBreakerStore({
        redis: process.env["REDIS_URL"] ?? "",
        namespace: randomUUID(),
        soloThreshold: 1e9, // never open the shared state during the measurement
        logger: { warn: () => undefined },
      })
    : undefined;
if (store !== undefined && !(await store.ready())) throw new Error("store did not connect");
const breaker = circuitBreaker({
  name: "bench",
  failureThreshold: 1e9,
  recoveryTimeoutMs: 60_000,
  ...(store === undefined ? {} : { store }),
});
const bench = new Bench({ time: Number(process.env["BENCH_TIME_MS"] ?? 500), warmupTime: 200 });
bench.add("calls", async () => {
  for (let i = 0; i < BATCH; i += 1) {
    if (kind === "fail")
      await breaker.execute(() => Promise.reject(failure)).catch(() => undefined);
    else await breaker.execute(() => okValue);
  }
});
await bench.run();
const result = bench.getTask("calls")?.result as { latency?: { p50: number } } | undefined;
console.log(((result?.latency?.p50 ?? NaN) * 1e6) / BATCH);
await store?.close();
