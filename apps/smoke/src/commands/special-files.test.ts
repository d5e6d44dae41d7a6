import { execFileSync, spawn } from "node:child_process";
import { mkdirSync, symlinkSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { createServer, type Server } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { useTempDirs } from "../test-cli";

const BIN = fileURLToPath(new URL("../../dist/main.js", import.meta.url));
const temp = useTempDirs();
const servers: Server[] = [];
afterEach(() => servers.splice(0).forEach((s) => s.close()));

// Runs the built CLI and kills it after `deadlineMs`: a hang shows up as signal SIGKILL.
const runWithin = (args: string[], deadlineMs = 1_000) =>
  new Promise<{ code: number | null; signal: string | null; stderr: string }>((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], { stdio: ["ignore", "ignore", "pipe"] });
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    // Node and the CLI need a few seconds to start on a busy machine; a hang never ends at all.
    const timer = setTimeout(() => child.kill("SIGKILL"), deadlineMs + 29_000);
    child.once("exit", (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stderr });
    });
  });

const makers: Record<string, (path: string) => Promise<string> | string> = {
  FIFO: (path) => (execFileSync("mkfifo", [path]), path),
  directory: (path) => (mkdirSync(path), path),
  "/dev/zero": (path) => (symlinkSync("/dev/zero", path), path),
  socket: (path) =>
    new Promise((done) => {
      const server = createServer().listen(path, () => done(path));
      servers.push(server);
    }),
};

describe.each(Object.keys(makers))("peak-smoke on a %s", (kind) => {
  it.each([
    ["validate", "bars.csv"],
    ["validate", "bars.parquet"],
    ["verify", "manifest.json"],
  ])(
    "%s %s fails with exit 2, a typed error line and no stack",
    async (command, name) => {
      const path = await makers[kind]!(join(temp().dir, name));
      const run = await runWithin([command, path]);
      expect(run.signal).toBeNull();
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(/^peak-smoke: ConfigError: .*not a regular file/);
      expect(run.stderr).not.toMatch(/\n\s+at /);
    },
    40_000,
  );
});

describe("peak-smoke run --out", () => {
  it.each(["/proc/peak-x", "/proc/peak-x/y", "/sys/peak-x"])(
    "%s fails fast with exit 2",
    async (out) => {
      const run = await runWithin(["run", "--rows", "50", "--out", out]);
      expect(run.signal).toBeNull();
      expect(run.code).toBe(2);
      expect(run.stderr).toContain("--out");
    },
    40_000,
  );

  it("refuses an --out under a regular file", async () => {
    const t = temp();
    const run = await runWithin(["run", "--out", join(t.write("file", "x"), "sub")]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("is not a directory");
  }, 40_000);
});
