// Finds Debian's redis-server for the Redis test suites and CI, installing it with apt-get
// when this process may (root, or passwordless sudo). Shared by bootstrap.mjs and with-redis.mjs.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { delimiter, join } from "node:path";

/** The one line shown when redis-server is missing and cannot be installed here (the same as
 * REDIS_MISSING in packages/resilience-redis/src/test-support/redis-server.ts). */
export const MISSING_REDIS =
  "redis-server not found: install it with `sudo apt-get install redis-server` (Debian/Ubuntu) " +
  "or set PEAK_REDIS_SERVER to its path";

/** `PEAK_REDIS_SERVER` when it exists, else the first `redis-server` on PATH, /usr/bin, /usr/sbin. */
export function findRedisServer(env = process.env) {
  const explicit = env.PEAK_REDIS_SERVER;
  if (explicit) return existsSync(explicit) ? explicit : undefined;
  const dirs = [...(env.PATH ?? "").split(delimiter), "/usr/bin", "/usr/sbin"].filter(Boolean);
  return dirs.map((dir) => join(dir, "redis-server")).find((path) => existsSync(path));
}

const succeeds = (cmd, args) => spawnSync(cmd, args, { stdio: "ignore" }).status === 0;

/** The command prefix that may run apt-get as root here, or undefined. */
function aptRunner() {
  if (process.platform !== "linux" || !succeeds("apt-get", ["--version"])) return undefined;
  if (process.getuid?.() === 0) return [];
  return succeeds("sudo", ["-n", "true"]) ? ["sudo", "-n"] : undefined;
}

/**
 * The redis-server path, installing Debian's package first when it is missing and apt-get may
 * run as root. Returns `{ path }` or `{ missing: MISSING_REDIS }`; never throws.
 */
export function ensureRedisServer(log = (line) => console.error(line)) {
  const found = findRedisServer();
  if (found !== undefined) return { path: found };
  const runner = aptRunner();
  if (runner === undefined) return { missing: MISSING_REDIS };
  log("[bootstrap] redis-server is missing: installing Debian's redis-server with apt-get …");
  const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
  for (const args of [
    ["update", "-qq"],
    ["install", "-y", "-qq", "redis-server"],
  ]) {
    const [cmd, ...prefix] = [...runner, "apt-get"];
    const result = spawnSync(cmd, [...prefix, ...args], {
      stdio: ["ignore", "ignore", "inherit"],
      env,
    });
    if (result.status !== 0) {
      log(`[bootstrap] apt-get ${args[0]} failed (exit ${result.status ?? result.signal}).`);
      return { missing: MISSING_REDIS };
    }
  }
  const path = findRedisServer();
  return path === undefined ? { missing: MISSING_REDIS } : { path };
}
