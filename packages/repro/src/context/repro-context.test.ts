import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ReproContext } from "./repro-context";
import { createRng } from "../rng/rng";
import { isRunId } from "./run-id";
import { stableHash } from "../hash/stable-hash";

let repo: string;
let sha: string;

beforeAll(() => {
  repo = mkdtempSync(join(tmpdir(), "peak-repro-ctx-"));
  const git = (...args: string[]) =>
    execFileSync("git", ["-c", "user.name=T", "-c", "user.email=t@example.com", ...args], {
      cwd: repo,
      encoding: "utf8",
    }).trim();
  git("init", "-q");
  writeFileSync(join(repo, "f"), "x");
  git("add", "f");
  git("commit", "-q", "-m", "init");
  sha = git("rev-parse", "HEAD");
});

afterAll(() => rmSync(repo, { recursive: true, force: true }));

const config = { strategy: "ma_crossover", fast: 10, slow: 20 };

describe("ReproContext.create", () => {
  it("records run id, seed, git SHA, config hash, runtime and time", async () => {
    const ctx = await ReproContext.create({
      seed: 42,
      config,
      cwd: repo,
      now: () => 0,
      gitTimeoutMs: 10_000,
    });
    expect(isRunId(ctx.runId)).toBe(true);
    expect(ctx.seed).toBe(42);
    expect(ctx.gitSha).toBe(sha);
    expect(ctx.configHash).toBe(stableHash(config));
    expect([ctx.nodeVersion, ctx.platform, ctx.arch]).toEqual([
      process.version,
      process.platform,
      process.arch,
    ]);
    expect(ctx.createdAt).toBe("1970-01-01T00:00:00.000Z");
    expect(Object.isFrozen(ctx)).toBe(true);
  });

  it("lists the @peak packages in use, at least itself and @peak/errors", () => {
    const ctx = ReproContext.createSync({ seed: 1, gitSha: null });
    expect(ctx.packages).toMatchObject({
      "@peak/repro": expect.any(String),
      "@peak/errors": expect.any(String),
    });
  });

  it("hashes a missing config as {} and ignores key order", async () => {
    const a = await ReproContext.create({ seed: 1, gitSha: null });
    const b = await ReproContext.create({
      seed: 1,
      gitSha: null,
      config: { slow: 20, fast: 10, strategy: "ma_crossover" },
    });
    expect(a.configHash.slice(0, 16)).toBe("44136fa355b3678a");
    expect(b.configHash).toBe(stableHash(config));
  });

  it("skips git when gitSha is given and detects it synchronously otherwise", () => {
    expect(ReproContext.createSync({ seed: 1, gitSha: "abc1234" }).gitSha).toBe("abc1234");
    expect(ReproContext.createSync({ seed: 1, cwd: repo, gitTimeoutMs: 10_000 }).gitSha).toBe(sha);
  });

  it("draws and records a seed when none is given", () => {
    const ctx = ReproContext.createSync({ gitSha: null });
    expect(Number.isSafeInteger(ctx.seed)).toBe(true);
  });

  it("gives distinct, increasing run ids", async () => {
    const a = await ReproContext.create({ seed: 1, gitSha: null });
    const b = await ReproContext.create({ seed: 1, gitSha: null });
    expect(a.runId < b.runId).toBe(true);
  });

  it("rejects a bad seed and an unhashable config with ConfigErrors", async () => {
    await expect(ReproContext.create({ seed: 1.5, gitSha: null })).rejects.toMatchObject({
      code: "CONFIG",
    });
    await expect(
      ReproContext.create({ seed: 1, gitSha: null, config: { a: [NaN] } }),
    ).rejects.toMatchObject({
      code: "CONFIG",
      context: { path: "$.a[0]" },
    });
  });

  it.each([
    [{ gitSha: "not a sha" }, "gitSha"],
    [{ configHash: "jcs:abc" }, "configHash"],
    [{ now: 5 }, "now"],
  ])("rejects %j naming the option", (options, option) => {
    expect(() => ReproContext.createSync({ seed: 1, ...(options as object) })).toThrow(
      expect.objectContaining({ code: "CONFIG", context: expect.objectContaining({ option }) }),
    );
  });

  it("hands out generators seeded by the run seed", () => {
    const ctx = ReproContext.createSync({ seed: 7, gitSha: null });
    expect(ctx.rng().next()).toBe(createRng(7).next());
    expect(ctx.rng("w1").next()).toBe(createRng(7).fork("w1").next());
  });
});
