// Matched set-ups of the traffic-shaping policies and their peers for bench/traffic.ts.
import Bottleneck from "bottleneck";
import * as cockatiel from "cockatiel";
import pLimit from "p-limit";
import { RateLimiterMemory } from "rate-limiter-flexible";
import { bulkhead, fallback, rateLimiter } from "../src/index";

/** One benchmark task: `run` performs `batch` awaited calls. */
export interface TrafficTask {
  group: "baseline" | "rl-ok" | "rl-reject" | "bh-ok" | "bh-reject" | "fb-ok";
  lib: string;
  run: () => Promise<void>;
}

const noop = (): void => undefined;
const okValue = Promise.resolve(42);
const ok = (): Promise<number> => okValue;
const never = new Promise<number>(noop);

const loop = (batch: number, call: () => unknown) => async () => {
  for (let i = 0; i < batch; i += 1) await call();
};
const loopCatch = (batch: number, call: () => Promise<unknown>) => async () => {
  for (let i = 0; i < batch; i += 1) await call().catch(noop);
};

const HUGE = 1e12;

/** Builds every task; `shutdown` releases the peers' timers. */
export const buildTrafficTasks = (B: number): { tasks: TrafficTask[]; shutdown: () => void } => {
  // Admitting: budgets that never run out (a short window keeps our log small).
  const ours = rateLimiter({ name: "ok", limit: HUGE, intervalMs: 10 });
  const bottleneck = new Bottleneck({ minTime: 0 });
  const flexible = new RateLimiterMemory({ points: HUGE, duration: 1 });
  // Rejecting: budgets spent for the whole run.
  const ourSpent = rateLimiter({ name: "spent", limit: 1, intervalMs: 1e9 });
  ourSpent.tryAcquire();
  const bottleneckSpent = new Bottleneck({
    reservoir: 0,
    highWater: 0,
    strategy: Bottleneck.strategy.OVERFLOW,
  });
  const flexibleSpent = new RateLimiterMemory({ points: 1, duration: 1e6 });
  void flexibleSpent.consume("k", 1);
  // Bulkheads: one that never fills, and one held full by a call that never settles.
  const ourPool = bulkhead({ maxConcurrent: Number.MAX_SAFE_INTEGER });
  const cockPool = cockatiel.bulkhead(Number.MAX_SAFE_INTEGER, 0);
  const limit = pLimit(Number.MAX_SAFE_INTEGER);
  const ourFull = bulkhead({ maxConcurrent: 1 });
  void ourFull.execute(() => never);
  const cockFull = cockatiel.bulkhead(1, 0);
  void cockFull.execute(() => never);
  // Fallbacks around a call that succeeds: what every answered call pays for the safety net.
  const ourFallback = fallback(0);
  const cockFallback = cockatiel.fallback(cockatiel.handleAll, 0);
  const tasks: TrafficTask[] = [
    { group: "baseline", lib: "await ok()", run: loop(B, ok) },
    { group: "rl-ok", lib: "@peak/resilience execute", run: loop(B, () => ours.execute(ok)) },
    {
      group: "rl-ok",
      lib: "@peak/resilience tryAcquire",
      run: loop(B, () => ours.tryAcquire().ok && ok()),
    },
    { group: "rl-ok", lib: "bottleneck schedule", run: loop(B, () => bottleneck.schedule(ok)) },
    {
      group: "rl-ok",
      lib: "RateLimiterMemory consume",
      run: loop(B, () => flexible.consume("k", 1).then(ok)),
    },
    {
      group: "rl-reject",
      lib: "@peak/resilience execute",
      run: loopCatch(B, () => ourSpent.execute(ok)),
    },
    {
      group: "rl-reject",
      lib: "@peak/resilience tryAcquire",
      run: loop(B, () => ourSpent.tryAcquire().ok),
    },
    {
      group: "rl-reject",
      lib: "bottleneck schedule",
      run: loopCatch(B, () => bottleneckSpent.schedule(ok)),
    },
    {
      group: "rl-reject",
      lib: "RateLimiterMemory consume",
      run: loopCatch(B, () => flexibleSpent.consume("k", 1)),
    },
    { group: "bh-ok", lib: "@peak/resilience bulkhead", run: loop(B, () => ourPool.execute(ok)) },
    { group: "bh-ok", lib: "cockatiel bulkhead", run: loop(B, () => cockPool.execute(ok)) },
    { group: "bh-ok", lib: "p-limit", run: loop(B, () => limit(ok)) },
    {
      group: "bh-reject",
      lib: "@peak/resilience bulkhead",
      run: loopCatch(B, () => ourFull.execute(ok)),
    },
    {
      group: "bh-reject",
      lib: "cockatiel bulkhead",
      run: loopCatch(B, () => cockFull.execute(ok)),
    },
    {
      group: "fb-ok",
      lib: "@peak/resilience fallback",
      run: loop(B, () => ourFallback.execute(ok)),
    },
    { group: "fb-ok", lib: "cockatiel fallback", run: loop(B, () => cockFallback.execute(ok)) },
  ];
  const shutdown = (): void => {
    void bottleneck.disconnect();
    void bottleneckSpent.disconnect();
  };
  return { tasks, shutdown };
};
