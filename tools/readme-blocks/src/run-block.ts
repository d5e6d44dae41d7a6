// Runs one block file with tsx (workspace sources through `@peak/source`) in a fresh folder.
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";

const TSX_CLI = createRequire(import.meta.url).resolve("tsx/cli");

/** How a block run ended: its exit code (null after the timeout kill) and its output. */
export interface BlockRun {
  code: number | null;
  output: string;
}

/** Runs `path` in a new temp folder (removed afterwards); REDIS_URL is PEAK_REDIS_URL if set. */
export function runBlock(path: string, timeoutMs: number): Promise<BlockRun> {
  const cwd = mkdtempSync(join(tmpdir(), "peak-readme-block-"));
  const env: NodeJS.ProcessEnv = { ...process.env, NODE_OPTIONS: "" };
  if (process.env["PEAK_REDIS_URL"]) env["REDIS_URL"] = process.env["PEAK_REDIS_URL"];
  const child = spawn(process.execPath, [TSX_CLI, "--conditions=@peak/source", path], {
    cwd,
    env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const timer = setTimeout(() => {
    output += `\n(killed after ${timeoutMs} ms: the block did not exit)`;
    child.kill("SIGKILL");
  }, timeoutMs);
  return new Promise((resolve) => {
    child.once("close", (code) => {
      clearTimeout(timer);
      rmSync(cwd, { recursive: true, force: true });
      resolve({ code, output });
    });
  });
}
