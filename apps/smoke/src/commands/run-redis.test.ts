import { describe, expect, it } from "vitest";
import { runCli, useTempDirs } from "../test-cli";
import { deadRedisUrl, startRedis } from "../test-redis";

const temp = useTempDirs();

/** Runs 200 rows through `--redis url` and returns the flaky-provider step and the exit code. */
const runWithRedis = (url: string) => {
  const run = runCli(["run", "--rows", "200", "--out", temp().dir, "--redis", url, "--json"]);
  const steps = JSON.parse(run.stdout).steps as Array<{
    name: string;
    ok: boolean;
    detail: string;
  }>;
  return { code: run.code, step: steps.find((s) => s.name === "flaky provider (redis)") };
};

describe("peak-smoke run --redis", () => {
  it("runs the flaky provider through a breaker shared in a real Redis", async () => {
    const redis = await startRedis();
    try {
      const { code, step } = runWithRedis(redis.url);
      expect(step).toMatchObject({ ok: true });
      expect(code).toBe(0);
    } finally {
      redis.stop();
    }
  });

  it("fails the step, with exit code 1, when Redis does not answer", async () => {
    const { code, step } = runWithRedis(await deadRedisUrl());
    expect(step).toMatchObject({ ok: false });
    expect(step?.detail).toContain("Redis did not answer");
    expect(code).toBe(1);
  });

  it("rejects a malformed --redis URL with exit code 2", () => {
    const run = runCli(["run", "--redis", "http://example"]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("--redis");
  });
});
