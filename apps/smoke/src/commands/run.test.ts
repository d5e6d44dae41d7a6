import { describe, expect, it } from "vitest";
import { runCli, useTempDirs } from "../test-cli";

const temp = useTempDirs();

describe("peak-smoke run", () => {
  it("gives the same config hash and data digest for the same seed", () => {
    const [a, b, c] = [["7"], ["7"], ["8"]].map(([seed]) => {
      const run = runCli(["run", "--rows", "500", "--seed", seed!, "--out", temp().dir, "--json"]);
      expect(run.code).toBe(0);
      return JSON.parse(run.stdout) as { configHash: string; dataDigest: string; runId: string };
    });
    expect(a!.configHash).toBe(b!.configHash);
    expect(a!.dataDigest).toBe(b!.dataDigest);
    expect(a!.runId).not.toBe(b!.runId);
    expect(c!.dataDigest).not.toBe(a!.dataDigest);
    expect(c!.configHash).not.toBe(a!.configHash);
  });

  it("prints one line per step in human mode", () => {
    const run = runCli(["run", "--rows", "200", "--out", temp().dir]);
    const lines = run.stdout.trim().split("\n");
    expect(lines.filter((l) => l.startsWith("ok "))).toHaveLength(lines.length - 1);
    expect(lines.at(-1)).toMatch(/^all steps passed/);
    expect(run.code).toBe(0);
  });
});
