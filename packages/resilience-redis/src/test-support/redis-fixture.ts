// Test fixture: one private redis-server per test file and the breaker children spawned
// against it, all killed by vitest hooks (children after each test, the server at the end).
import { afterAll, afterEach, beforeAll } from "vitest";
import { spawnChild, type BreakerChild } from "./children";
import { startRedisServer, type RedisServerProcess } from "./redis-server";

/** Registers the hooks; `server()` is the running server, `spawn(env)` a tracked child. */
export const useRedisFixture = () => {
  let server: RedisServerProcess | undefined;
  let children: BreakerChild[] = [];
  beforeAll(async () => {
    server = await startRedisServer();
  });
  afterEach(async () => {
    await Promise.all(children.map((c) => c.kill()));
    children = [];
  });
  afterAll(async () => {
    await server?.kill();
  });
  return {
    server: (): RedisServerProcess => {
      if (server === undefined) throw new Error("redis-server has not started (beforeAll failed)");
      return server;
    },
    spawn: (env: Record<string, string>): BreakerChild => {
      const child = spawnChild(env);
      children.push(child);
      return child;
    },
  };
};
