// Test helper (not shipped: tsup bundles only main.ts): runs the built CLI as a child process.
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach } from "vitest";

const BIN = fileURLToPath(new URL("../dist/main.js", import.meta.url));

/** What one CLI run printed and how it exited. */
export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `peak-smoke …args` (the built binary) and waits for it. */
export const runCli = (args: string[], env: NodeJS.ProcessEnv = {}): CliRun => {
  const result = spawnSync(process.execPath, [BIN, ...args], {
    encoding: "utf8",
    env: { ...process.env, ...env },
    timeout: 60_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
};

/** A temp folder with helpers to write files into it; call `remove()` after the test. */
export const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), "peak-smoke-test-"));
  return {
    dir,
    write: (name: string, text: string | Uint8Array) => {
      const path = join(dir, name);
      writeFileSync(path, text);
      return path;
    },
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
};

/** Registers cleanup and returns a factory of temp folders removed after each test. */
export const useTempDirs = () => {
  const made: Array<ReturnType<typeof tempDir>> = [];
  afterEach(() => made.splice(0).forEach((t) => t.remove()));
  return () => {
    const t = tempDir();
    made.push(t);
    return t;
  };
};

/** An OHLCV CSV of `rows` clean hourly bars; `edit(i, cells)` can change row i's cells. */
export const ohlcvCsv = (
  rows: number,
  edit: (i: number, cells: string[]) => void = () => {},
): string => {
  const lines = ["timestamp,open,high,low,close,volume"];
  for (let i = 0; i < rows; i++) {
    const ts = new Date(Date.UTC(2024, 0, 1) + i * 3_600_000).toISOString();
    const cells = [ts, "100", "101", "99", "100.5", "10"];
    edit(i, cells);
    lines.push(cells.join(","));
  }
  return `${lines.join("\n")}\n`;
};
