import { spawn, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import { createConnection, createServer } from "node:net";

/** A redis-server child process on a loopback port, for tests and benchmarks. */
export interface RedisServerProcess {
  readonly port: number;
  readonly url: string;
  /** Kills the server (SIGKILL) and waits for it to exit. */
  kill(): Promise<void>;
  /** Starts it again on the same port and waits until it answers PING. */
  restart(): Promise<void>;
}

/** What to do when redis-server is missing: one line, no stack trace. */
export const REDIS_MISSING =
  "redis-server not found: install it with `sudo apt-get install redis-server` (Debian/Ubuntu) " +
  "or set PEAK_REDIS_SERVER to its path";

/** The redis-server binary: `PEAK_REDIS_SERVER`, else the first `redis-server` on PATH, else undefined. */
export const findRedisServer = (): string | undefined => {
  const explicit = process.env["PEAK_REDIS_SERVER"];
  if (explicit !== undefined && explicit !== "") return explicit;
  const dirs = [...(process.env["PATH"] ?? "").split(":"), "/usr/bin", "/usr/sbin"];
  return dirs.map((dir) => `${dir}/redis-server`).find((path) => existsSync(path));
};

export const freePort = (): Promise<number> =>
  new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address !== null ? address.port : 0;
      server.close(() => resolve(port));
    });
  });

const ping = (port: number): Promise<boolean> =>
  new Promise((resolve) => {
    const socket = createConnection({ host: "127.0.0.1", port });
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(500, () => done(false));
    socket.once("error", () => done(false));
    socket.once("connect", () => socket.write("PING\r\n"));
    socket.once("data", (data) => done(/^(\+PONG|-NOAUTH)/.test(data.toString())));
  });

const waitForPing = async (port: number, child: ChildProcess): Promise<void> => {
  for (let i = 0; i < 250; i += 1) {
    if (child.exitCode !== null) throw new Error(`redis-server exited with ${child.exitCode}`);
    if (await ping(port)) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(`redis-server on port ${port} did not answer PING within 5 s`);
};

const launch = (binary: string, port: number, extra: readonly string[]): ChildProcess =>
  spawn(
    binary,
    ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", ...extra],
    { stdio: "ignore" },
  );

/**
 * Starts a private redis-server on a free loopback port (with `extraArgs`, e.g.
 * `["--requirepass", "s3cret"]`) and waits until it answers PING.
 * @throws Error naming `apt-get install redis-server` when the binary is missing
 */
export const startRedisServer = async (
  extraArgs: readonly string[] = [],
): Promise<RedisServerProcess> => {
  const binary = findRedisServer();
  if (binary === undefined || !existsSync(binary)) {
    throw new Error(REDIS_MISSING);
  }
  const port = await freePort();
  let child = launch(binary, port, extraArgs);
  const killOnExit = () => child.kill("SIGKILL");
  process.once("exit", killOnExit);
  await waitForPing(port, child);
  return {
    port,
    url: `redis://127.0.0.1:${port}`,
    async kill() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((resolve) => child.once("exit", resolve));
      child.kill("SIGKILL");
      await exited;
      process.removeListener("exit", killOnExit);
    },
    async restart() {
      child = launch(binary, port, extraArgs);
      process.once("exit", killOnExit);
      await waitForPing(port, child);
    },
  };
};
