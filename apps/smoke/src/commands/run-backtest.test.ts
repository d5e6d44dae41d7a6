import { describe, expect, it } from "vitest";
import { runCli, useTempDirs } from "../test-cli";

const temp = useTempDirs();

interface StepJson {
  name: string;
  ok: boolean;
  detail: string;
  facts?: Record<string, unknown>;
  error?: { name: string; code: string; hint: string; context: Record<string, unknown> };
}

const backtestStep = (stdout: string): StepJson =>
  (JSON.parse(stdout) as { steps: StepJson[] }).steps.find((s) => s.name === "backtest")!;

describe("peak-smoke run backtest", () => {
  it("runs --strategy buy_and_hold with every invariant on", () => {
    const run = runCli([
      "run",
      "--rows",
      "300",
      "--out",
      temp().dir,
      "--strategy",
      "buy_and_hold",
      "--json",
    ]);
    expect(run.code).toBe(0);
    const step = backtestStep(run.stdout);
    expect(step.facts).toMatchObject({ strategy: "buy_and_hold", trades: 1, skipped: [] });
    expect(step.facts!.invariants).toHaveLength(8);
    expect(step.facts!.finalEquity).toEqual(expect.any(Number));
    expect(step.facts!.digest).toMatch(/^[0-9a-f]{64}$/);
  });

  it("rejects an unknown --strategy with exit code 2, the available names and the closest one", () => {
    const run = runCli(["run", "--strategy", "ma_crosover"]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(
      "Unknown strategy `ma_crosover` for --strategy; available: buy_and_hold, ma_crossover",
    );
    expect(run.stderr).toContain("Hint: Did you mean `ma_crossover`?");
  });

  it("rejects a strategy config with an unknown key with exit code 2", () => {
    const run = runCli([
      "run",
      "--strategy",
      "buy_and_hold",
      "--strategy-config",
      '{"fractoin":0.5}',
    ]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("fractoin: unknown key, did you mean `fraction`?");
  });

  it.each([
    ["lookahead", "no_lookahead"],
    ["overspend", "non_negative_cash"],
    ["bad-fill", "fill_within_bar"],
  ])("--inject %s exits 1 with the BacktestInvariantError of %s in --json", (bug, invariant) => {
    const run = runCli([
      "run",
      "--rows",
      "200",
      "--seed",
      "9",
      "--out",
      temp().dir,
      "--inject",
      bug,
      "--json",
    ]);
    expect(run.code).toBe(1);
    const step = backtestStep(run.stdout);
    expect(step.ok).toBe(false);
    expect(step.error).toMatchObject({
      name: "BacktestInvariantError",
      code: "BACKTEST_INVARIANT",
    });
    expect(step.error!.context).toMatchObject({ invariant, step: 0, seed: 9 });
    expect(step.error!.context.runId).toEqual(expect.any(String));
    expect(step.error!.context.configHash).toMatch(/^[0-9a-f]{64}$/);
    expect(step.error!.context).toHaveProperty("gitSha");
    expect(step.error!.hint).toContain("with seed 9");
  });

  it("prints the error with its invariant, step and repro ids in text mode", () => {
    const run = runCli(["run", "--rows", "200", "--out", temp().dir, "--inject", "lookahead"]);
    expect(run.code).toBe(1);
    const line = run.stdout.split("\n").find((l) => l.includes("backtest"))!;
    expect(line).toMatch(
      /^FAIL backtest +BacktestInvariantError: Invariant `no_lookahead` broken at step 0/,
    );
    expect(line).toContain('"seed":42');
    expect(line).toMatch(/"runId":"[0-9a-f-]{36}"/);
    expect(line).toContain("Hint: Reproduce");
  });

  it("rejects an unknown --inject with exit code 2 and the closest bug", () => {
    const run = runCli(["run", "--inject", "lookahed"]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("Did you mean `lookahead`?");
  });
});
