import { describe, expect, it } from "vitest";
import { runCli } from "../test-cli";

describe("peak-smoke strategies", () => {
  it("lists each strategy with a description and its config keys", () => {
    const run = runCli(["strategies"]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^buy_and_hold {2}buys `fraction` of equity/m);
    expect(run.stdout).toMatch(/^ma_crossover {2}holds .* \(default\)$/m);
    expect(run.stdout).toContain("config: fast=10, slow=30, fraction=1");
    expect(run.stdout).toContain("Broken strategies for --inject: bad-fill, lookahead, overspend");
  });

  it("prints the same listing for run --list-strategies", () => {
    const run = runCli(["run", "--list-strategies"]);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(runCli(["strategies"]).stdout);
  });

  it("prints one JSON object with --json", () => {
    const run = runCli(["strategies", "--json"]);
    expect(run.code).toBe(0);
    const listing = JSON.parse(run.stdout);
    expect(listing.default).toBe("ma_crossover");
    expect(listing.strategies).toEqual([
      expect.objectContaining({
        name: "buy_and_hold",
        configKeys: ["fraction"],
        defaults: { fraction: 1 },
      }),
      expect.objectContaining({ name: "ma_crossover", configKeys: ["fast", "slow", "fraction"] }),
    ]);
  });
});
