#!/usr/bin/env node
// Runs a command next to a private redis-server (found or installed by redis-server.mjs, the
// same way `npm test` gets it) on a free loopback port, in a temp folder removed afterwards.
// `{url}` in the arguments and PEAK_REDIS_URL become the server's URL.
// Usage: node scripts/with-redis.mjs <command> [args…]
import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createConnection, createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ensureRedisServer } from "./redis-server.mjs";

const freePort = () =>
  new Promise((resolve, reject) => {
    const server = createServer().once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });

const answers = (port) =>
  new Promise((resolve) => {
    const socket = createConnection({ host: "127.0.0.1", port });
    const done = (ok) => (socket.destroy(), resolve(ok));
    socket.setTimeout(500, () => done(false));
    socket.once("error", () => done(false));
    socket.once("connect", () => socket.write("PING\r\n"));
    socket.once("data", (data) => done(data.toString().startsWith("+PONG")));
  });

const redis = ensureRedisServer();
if (redis.missing) {
  console.error(redis.missing);
  process.exit(1);
}
const dir = mkdtempSync(join(tmpdir(), "peak-redis-"));
const port = await freePort();
const server = spawn(
  redis.path,
  ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--dir", dir],
  { stdio: "ignore" },
);
const stop = () => {
  server.kill("SIGKILL");
  rmSync(dir, { recursive: true, force: true });
};
let up = false;
for (let i = 0; i < 250 && !up && server.exitCode === null; i += 1) {
  up = await answers(port);
  if (!up) await new Promise((resolve) => setTimeout(resolve, 20));
}
if (!up) {
  stop();
  console.error(`redis-server (${redis.path}) did not answer PING on port ${port} within 5 s`);
  process.exit(1);
}
const url = `redis://127.0.0.1:${port}`;
console.error(`[with-redis] ${redis.path} on ${url}`);
const [command, ...args] = process.argv.slice(2).map((a) => a.replaceAll("{url}", url));
const result = spawnSync(command, args, {
  stdio: "inherit",
  env: { ...process.env, PEAK_REDIS_URL: url, PEAK_REDIS_SERVER: redis.path },
});
stop();
process.exitCode = result.status ?? 1;
