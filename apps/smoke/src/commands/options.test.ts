import { describe, expect, it } from "vitest";
import { runCli } from "../test-cli";

describe("peak-smoke options", () => {
  it("prints help with exit code 0", () => {
    const run = runCli(["--help"]);
    expect(run.stdout).toContain("Usage:");
    expect(run.code).toBe(0);
  });

  it("prints per-command help", () => {
    expect(runCli(["validate", "--help"]).stdout).toContain("--allow-partial-nans");
    expect(runCli(["run", "--help"]).stdout).toContain("--inject BUG");
    expect(runCli(["strategies", "--help"]).stdout).toContain("run --list-strategies");
  });

  it("prints its version", () => {
    expect(runCli(["--version"]).stdout).toMatch(/^peak-smoke \d+\.\d+\.\d+\n$/);
  });

  it("rejects an unknown command with exit code 2 and a hint", () => {
    const run = runCli(["frobnicate"]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("Unknown command `frobnicate`");
    expect(run.stderr).toContain("Hint:");
  });

  it("rejects an unknown option with exit code 2", () => {
    const run = runCli(["validate", "x.csv", "--strictly"]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("--strictly");
  });

  it("rejects a bad --rows value with exit code 2", () => {
    const run = runCli(["run", "--rows", "ten"]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("--rows must be a positive integer");
  });
});
