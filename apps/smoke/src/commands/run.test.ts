import { describe, expect, it } from "vitest";
import { runCli, useTempDirs } from "../test-cli";

const temp = useTempDirs();

describe("peak-smoke run", () => {
  it("gives the same config hash, data digest and backtest digest for the same seed", () => {
    const [a, b, c] = [["7"], ["7"], ["8"]].map(([seed]) => {
      const run = runCli(["run", "--rows", "500", "--seed", seed!, "--out", temp().dir, "--json"]);
      expect(run.code).toBe(0);
      const summary = JSON.parse(run.stdout) as {
        configHash: string;
        dataDigest: string;
        runId: string;
        steps: Array<{ name: string; facts?: { digest: string; strategy: string } }>;
      };
      return { ...summary, backtest: summary.steps.find((s) => s.name === "backtest")!.facts! };
    });
    expect(a!.backtest.strategy).toBe("ma_crossover");
    expect(a!.backtest.digest).toBe(b!.backtest.digest);
    expect(c!.backtest.digest).not.toBe(a!.backtest.digest);
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
