// Test helper: a private Debian redis-server on a free loopback port, killed after the test.
import { spawn } from "node:child_process";
import { createServer } from "node:net";

const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });

/** Starts redis-server (PEAK_REDIS_SERVER or `redis-server` on PATH); resolves once it accepts connections. */
export async function startRedis(): Promise<{ url: string; stop: () => void }> {
  const port = await freePort();
  const bin = process.env.PEAK_REDIS_SERVER || "redis-server";
  const child = spawn(
    bin,
    ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
    {
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${bin} did not start within 10 s`)), 10_000);
    child.once("error", (error) => {
      clearTimeout(timer);
      reject(
        new Error(
          `Cannot start ${bin} (install it with: apt-get install redis-server): ${error.message}`,
        ),
      );
    });
    child.stdout.on("data", (chunk: Buffer) => {
      if (chunk.toString().includes("Ready to accept connections")) {
        clearTimeout(timer);
        resolve();
      }
    });
  });
  return { url: `redis://127.0.0.1:${port}`, stop: () => child.kill("SIGKILL") };
}

/** A loopback URL where nothing listens. */
export const deadRedisUrl = async (): Promise<string> => `redis://127.0.0.1:${await freePort()}`;
