// vitest globalSetup: the Redis suites need a redis-server binary. Without one they stop before
// any test runs, with one line saying how to install it (`npm test` installs it where it can).
import { existsSync } from "node:fs";
import { REDIS_MISSING, findRedisServer } from "./redis-server";

export function setup(): void {
  const binary = findRedisServer();
  if (binary !== undefined && existsSync(binary)) return;
  process.stderr.write(`@peak/resilience-redis: ${REDIS_MISSING}\n`);
  process.exit(1);
}
