#!/usr/bin/env node
// Makes `npm test` / `npm run smoke` work on a fresh machine with only Node and npm:
//   1. finds the pinned pnpm (package.json `packageManager`) on PATH, or installs it into
//      .peak/pnpm with npm;
//   2. installs the workspace (frozen lockfile) when node_modules is missing or older than the
//      lockfile;
//   3. for `test` and `bench`, finds redis-server for the Redis suites, installing Debian's
//      package when it is missing and apt-get may run as root (scripts/redis-server.mjs), and
//      passes its path on as PEAK_REDIS_SERVER; where it cannot, the Redis suites stop with one
//      line saying how to install it;
//   4. runs the given command (e.g. `turbo run test`) with that pnpm and node_modules/.bin on
//      PATH, since Turborepo starts each package's script through pnpm.
// Usage: node scripts/bootstrap.mjs <command> [args…]
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, readFileSync, statSync } from "node:fs";
import { delimiter, dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { ensureRedisServer } from "./redis-server.mjs";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const pnpmSpec = JSON.parse(readFileSync(join(root, "package.json"), "utf8")).packageManager;
const pnpmVersion = pnpmSpec.split("@")[1];
const localPnpmDir = join(root, ".peak", "pnpm");
const isWindows = process.platform === "win32";

const pnpmOnPath = (env) => {
  const found = spawnSync(isWindows ? "pnpm.cmd" : "pnpm", ["--version"], {
    env,
    encoding: "utf8",
  });
  return found.status === 0 && found.stdout.trim() === pnpmVersion;
};

const envWith = (...dirs) => ({
  ...process.env,
  TURBO_TELEMETRY_DISABLED: "1",
  PATH: [...dirs, process.env.PATH ?? ""].join(delimiter),
});

function ensurePnpm() {
  const localBin = join(localPnpmDir, "node_modules", ".bin");
  if (pnpmOnPath(process.env)) return [];
  if (!pnpmOnPath(envWith(localBin))) {
    console.error(`[bootstrap] installing ${pnpmSpec} into .peak/pnpm …`);
    execFileSync(
      isWindows ? "npm.cmd" : "npm",
      ["install", "--no-save", "--no-audit", "--no-fund", "--prefix", localPnpmDir, pnpmSpec],
      { cwd: root, stdio: "inherit" },
    );
  }
  return [localBin];
}

const extraPath = ensurePnpm();
const env = envWith(...extraPath, join(root, "node_modules", ".bin"));
const marker = join(root, "node_modules", ".modules.yaml");
const lockfile = join(root, "pnpm-lock.yaml");
if (!existsSync(marker) || statSync(lockfile).mtimeMs > statSync(marker).mtimeMs) {
  console.error(`[bootstrap] installing the workspace with ${pnpmSpec} (frozen lockfile) …`);
  execFileSync(isWindows ? "pnpm.cmd" : "pnpm", ["install", "--frozen-lockfile"], {
    cwd: root,
    stdio: "inherit",
    env,
  });
}

const [command, ...args] = process.argv.slice(2);
if (args.includes("test") || args.includes("bench")) {
  const redis = ensureRedisServer();
  if (redis.path !== undefined) env.PEAK_REDIS_SERVER = redis.path;
}
if (command !== undefined) {
  const result = spawnSync(command, args, { cwd: root, stdio: "inherit", env, shell: isWindows });
  process.exitCode = result.status ?? 1;
}
