// Real child processes and real signals: an interrupted peak-smoke leaves no temp files.
import { spawn } from "node:child_process";
import { existsSync, readdirSync, watch } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { runCli, useTempDirs } from "../test-cli";

const BIN = fileURLToPath(new URL("../../dist/main.js", import.meta.url));
const temp = useTempDirs();
// Each test starts the CLI one or two times; on a loaded machine a start alone can take 20 s.
const SLOW = { timeout: 120_000 };

/** Starts `peak-smoke …args` in the background; `exited` resolves with its exit code. */
const startCli = (args: string[], env: NodeJS.ProcessEnv = {}) => {
  const child = spawn(process.execPath, [BIN, ...args], { env: { ...process.env, ...env } });
  let stdout = "";
  let stderr = "";
  child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once("exit", resolve));
  const printed = (text: string) =>
    new Promise<void>((resolve) => {
      child.stdout.on("data", (chunk: Buffer) => {
        stdout += chunk.toString();
        if (stdout.includes(text)) resolve();
      });
    });
  return { child, exited, printed, stderr: () => stderr };
};

/** Resolves once a file whose name contains `part` appears in `dir` (inotify, no polling). */
const appears = (dir: string, part: string) =>
  new Promise<void>((resolve) => {
    const watcher = watch(dir, (_event, name) => {
      if (name?.includes(part)) {
        watcher.close();
        resolve();
      }
    });
  });

describe("peak-smoke on SIGINT / SIGTERM", SLOW, () => {
  it("SIGINT during run --out's atomic write removes the .peaktmp file and exits 130", async () => {
    const out = temp().dir;
    const writing = appears(out, ".peaktmp-");
    const cli = startCli(["run", "--rows", "400000", "--out", out]);
    await writing;
    cli.child.kill("SIGINT");
    expect(await cli.exited).toBe(130);
    expect(readdirSync(out).filter((name) => name.startsWith("."))).toEqual([]);
    expect(cli.stderr()).toContain("interrupted by SIGINT; temporary files removed");
  });

  it("SIGTERM during run without --out removes its temporary folder and exits 143", async () => {
    const tmp = temp().dir;
    const cli = startCli(["run", "--rows", "400000"], { TMPDIR: tmp });
    await cli.printed("validate");
    cli.child.kill("SIGTERM");
    expect(await cli.exited).toBe(143);
    expect(readdirSync(tmp)).toEqual([]);
  });
});

describe("peak-smoke run's temporary folder", SLOW, () => {
  it("is removed after a run without --out, and kept with --keep", () => {
    const tmp = temp().dir;
    const plain = JSON.parse(runCli(["run", "--rows", "200", "--json"], { TMPDIR: tmp }).stdout);
    expect(plain).toMatchObject({ ok: true, removed: true });
    expect(existsSync(plain.out)).toBe(false);
    const kept = JSON.parse(
      runCli(["run", "--rows", "200", "--json", "--keep"], { TMPDIR: tmp }).stdout,
    );
    expect(kept).toMatchObject({ ok: true, removed: false });
    expect(readdirSync(kept.out)).toContain("bars.parquet");
  });
});
