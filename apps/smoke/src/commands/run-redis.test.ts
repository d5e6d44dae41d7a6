import { describe, expect, it } from "vitest";
import { runCli, useTempDirs } from "../test-cli";
import { deadRedisUrl, startRedis } from "../test-redis";

const temp = useTempDirs();

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
