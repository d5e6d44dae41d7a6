import { afterEach, describe, expect, it } from "vitest";
import { findRedisServer, startRedisServer } from "./redis-server";

const saved = process.env["PEAK_REDIS_SERVER"];
afterEach(() => {
  if (saved === undefined) delete process.env["PEAK_REDIS_SERVER"];
  else process.env["PEAK_REDIS_SERVER"] = saved;
});

describe("startRedisServer", () => {
  it("prefers PEAK_REDIS_SERVER over PATH", () => {
    process.env["PEAK_REDIS_SERVER"] = "/opt/redis/bin/redis-server";
    expect(findRedisServer()).toBe("/opt/redis/bin/redis-server");
  });

  it("fails with an apt-get hint when the binary is missing", async () => {
    process.env["PEAK_REDIS_SERVER"] = "/nonexistent/redis-server";
    await expect(startRedisServer()).rejects.toThrow("apt-get install redis-server");
  });
});
