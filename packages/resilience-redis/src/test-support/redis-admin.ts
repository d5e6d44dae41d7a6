// Test fixture: one private redis-server per test file and an admin client on it, started and
// stopped by vitest hooks. Suites that open stores or links close those in their own afterEach.
import { Redis } from "ioredis";
import { afterAll, beforeAll } from "vitest";
import { startRedisServer, type RedisServerProcess } from "./redis-server";

/** Registers the hooks; the returned functions work inside tests. */
export const useRedisServer = () => {
  let server: RedisServerProcess | undefined;
  let client: Redis | undefined;
  beforeAll(async () => {
    server = await startRedisServer();
    client = new Redis(server.url);
  });
  afterAll(async () => {
    client?.disconnect();
    await server?.kill();
  });
  const running = (): RedisServerProcess => {
    if (server === undefined) throw new Error("redis-server has not started (beforeAll failed)");
    return server;
  };
  return {
    /** The server's `redis://` URL. */
    url: (): string => running().url,
    /** The server's port. */
    port: (): number => running().port,
    /** A client for the test's own reads, writes and admin commands. */
    admin: (): Redis => {
      if (client === undefined) throw new Error("redis-server has not started (beforeAll failed)");
      return client;
    },
  };
};
