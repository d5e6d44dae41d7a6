import { readFileSync, truncateSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import * as aq from "arquero";
import { atomicWrite } from "@peak/cache";
import { afterEach, describe, expect, it } from "vitest";
import { ohlcvCsv, runCli, tempDir } from "./test-cli";
import { deadRedisUrl, startRedis } from "./test-redis";

const temps: Array<ReturnType<typeof tempDir>> = [];
const temp = () => {
  const t = tempDir();
  temps.push(t);
  return t;
};
afterEach(() => temps.splice(0).forEach((t) => t.remove()));

describe("peak-smoke options", () => {
  it("prints help with exit code 0", () => {
    const run = runCli(["--help"]);
    expect(run.stdout).toContain("Usage:");
    expect(run.code).toBe(0);
  });

  it("prints per-command help", () => {
    expect(runCli(["validate", "--help"]).stdout).toContain("--allow-partial-nans");
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

describe("peak-smoke run --redis", () => {
  it("runs the flaky provider through a breaker shared in a real Redis", async () => {
    const redis = await startRedis();
    try {
      const run = runCli([
        "run",
        "--rows",
        "200",
        "--out",
        temp().dir,
        "--redis",
        redis.url,
        "--json",
      ]);
      const step = JSON.parse(run.stdout).steps.find(
        (s: { name: string }) => s.name === "flaky provider (redis)",
      );
      expect(step).toMatchObject({ ok: true });
      expect(run.code).toBe(0);
    } finally {
      redis.stop();
    }
  });

  it("fails the step, with exit code 1, when Redis does not answer", async () => {
    const run = runCli([
      "run",
      "--rows",
      "200",
      "--out",
      temp().dir,
      "--redis",
      await deadRedisUrl(),
      "--json",
    ]);
    const step = JSON.parse(run.stdout).steps.find(
      (s: { name: string }) => s.name === "flaky provider (redis)",
    );
    expect(step).toMatchObject({ ok: false });
    expect(step.detail).toContain("Redis did not answer");
    expect(run.code).toBe(1);
  });

  it("rejects a malformed --redis URL with exit code 2", () => {
    const run = runCli(["run", "--redis", "http://example"]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("--redis");
  });
});

describe("peak-smoke validate", () => {
  it("reports naive timestamps with exit code 1, and accepts them as UTC with --no-require-tz", () => {
    const file = temp().write(
      "naive.csv",
      ohlcvCsv(3, (_, cells) => (cells[0] = cells[0]!.replace("Z", ""))),
    );
    const strict = runCli(["validate", file, "--json"]);
    expect(strict.code).toBe(1);
    const report = JSON.parse(strict.stdout);
    expect(report.violations).toEqual([
      expect.objectContaining({ rule: "naive_timestamp", count: 3, rows: [0, 1, 2] }),
    ]);
    expect(runCli(["validate", file, "--json", "--no-require-tz"]).code).toBe(0);
  });

  it("reports injected defects at their exact rows", () => {
    const file = temp().write(
      "defects.csv",
      ohlcvCsv(50, (i, cells) => {
        if (i === 7) cells[2] = "98"; // high below low
        if (i === 21) cells[5] = "-1"; // negative volume
        if (i === 33) cells[4] = "abc"; // not numeric
      }),
    );
    const run = runCli(["validate", file, "--json"]);
    expect(run.code).toBe(1);
    const byRule = Object.fromEntries(
      (JSON.parse(run.stdout).violations as Array<{ rule: string; rows: number[] }>).map((v) => [
        v.rule,
        v.rows,
      ]),
    );
    expect(byRule.high_below_low).toEqual([7]);
    expect(byRule.negative_volume).toEqual([21]);
    expect(byRule.not_numeric).toEqual([33]);
  });

  it("prints a table of violations in human mode", () => {
    const file = temp().write(
      "bad.csv",
      ohlcvCsv(4, (i, cells) => i === 2 && (cells[1] = "0")),
    );
    const run = runCli(["validate", file]);
    expect(run.stdout).toMatch(/non_positive_price\s+open\s+1\s+2/);
    expect(run.code).toBe(1);
  });

  it("treats --no-strict as a structure-only check", () => {
    const file = temp().write(
      "bad.csv",
      ohlcvCsv(4, (i, cells) => i === 2 && (cells[1] = "0")),
    );
    expect(runCli(["validate", file, "--no-strict", "--json"]).code).toBe(0);
  });

  it("fails with exit code 2 on a missing file and names it", () => {
    const run = runCli(["validate", "/nonexistent/bars.csv", "--json"]);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe("");
    expect(run.stderr).toContain("/nonexistent/bars.csv");
  });

  it("fails with exit code 2 on a truncated Parquet file", () => {
    const t = temp();
    expect(runCli(["run", "--rows", "300", "--out", t.dir, "--json"]).code).toBe(0);
    const file = join(t.dir, "bars.parquet");
    expect(runCli(["validate", file, "--json"]).code).toBe(0);
    truncateSync(file, 100);
    const run = runCli(["validate", file, "--json"]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("bars.parquet");
  });

  it("validates an Arrow IPC file, reporting a defect at its row", async () => {
    const t = temp();
    const file = join(t.dir, "bars.arrow");
    const close = Float64Array.from([100.5, 100.5, -3, 100.5]);
    const table = aq.table({
      timestamp: Float64Array.from([0, 1, 2, 3], (i) => Date.UTC(2024, 0, 1) + i * 60_000),
      open: new Float64Array(4).fill(100),
      high: new Float64Array(4).fill(101),
      low: new Float64Array(4).fill(99),
      close,
      volume: new Float64Array(4).fill(10),
    });
    await atomicWrite(table, file);
    const run = runCli(["validate", file, "--json"]);
    expect(run.code).toBe(1);
    const rules = (
      JSON.parse(run.stdout).violations as Array<{ rule: string; rows: number[] }>
    ).map((v) => [v.rule, v.rows]);
    expect(rules).toContainEqual(["non_positive_price", [2]]);
  });

  it("fails with exit code 2 on an unsupported extension", () => {
    const run = runCli(["validate", temp().write("bars.txt", "x")]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("Unsupported file type");
  });
});

describe("peak-smoke verify", () => {
  it("accepts the manifest of a run, then lists a tampered file", () => {
    const t = temp();
    expect(runCli(["run", "--rows", "300", "--out", t.dir]).code).toBe(0);
    const manifest = join(t.dir, "manifest.json");
    expect(runCli(["verify", manifest]).code).toBe(0);
    const file = join(t.dir, "bars.parquet");
    const bytes = readFileSync(file);
    bytes[10] = (bytes[10] ?? 0) ^ 0xff;
    writeFileSync(file, bytes);
    const run = runCli(["verify", manifest, "--json"]);
    expect(run.code).toBe(1);
    const result = JSON.parse(run.stdout);
    expect(result.valid).toBe(false);
    expect(JSON.stringify(result.errors)).toContain("bars.parquet");
  });

  it("fails with exit code 2 on an unreadable manifest", () => {
    const run = runCli(["verify", temp().write("manifest.json", "{not json")]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("manifest.json");
  });
});
