// Takes twice (once through Redis, once after Redis is gone) and leaves the store open on
// purpose: the process must still exit by itself, with no unhandled rejection.
import { Redis } from "ioredis";
import { createRedisRateLimitStore } from "@peak/resilience-redis";

process.on("unhandledRejection", (error) => {
  console.log(`unhandled: ${String(error)}`);
  process.exitCode = 1;
});
const url = process.env["REDIS_URL"] ?? "";
const store = createRedisRateLimitStore({
  url,
  prefix: `exit-${process.pid}`,
  fleetSize: 1,
  insurance: { holdOff: false },
  logger: { warn: () => undefined },
});
const request = { key: "k", weight: 1, limit: 5, intervalMs: 1_000, burst: 0, maxWaitMs: 0 };
const out: string[] = [];
await store.ready();
out.push(`took ${(await store.take(request)).ok ? "ok" : "no"}`);
const admin = new Redis(url);
await admin.client("KILL", "TYPE", "normal");
admin.disconnect();
out.push(`took ${(await store.take(request)).ok ? "ok" : "no"}`);
out.push("exiting");
console.log(out.join("; "));
