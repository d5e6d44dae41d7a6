import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { createRedisBreakerStore, type RedisBreakerStore } from "@peak/resilience-redis";
import { runBacktestStep } from "../backtest/backtest-step";
import { resolveBacktestPlan } from "../backtest/plan";
import { printStrategies } from "../backtest/strategy-list";
import { EXIT, usageError } from "../cli-error";
import { runDataSteps } from "../data-steps";
import { runHealthStep } from "../health-step";
import type { CliArgs } from "../cli-args";
import { runProviderSteps } from "../provider-steps";
import { forgetOnInterrupt, removeOnInterrupt, sweepOnInterrupt } from "../signals/temp-registry";
import { formatStep, StepRunner } from "../steps";

const positiveInt = (name: string, text: string | undefined, fallback: number): number => {
  if (text === undefined) return fallback;
  const value = Number(text);
  if (!/^\d+$/.test(text) || !Number.isSafeInteger(value) || value < 1) {
    throw usageError(
      `--${name} must be a positive integer, got \`${text}\``,
      `Example: --${name} 1000`,
    );
  }
  return value;
};

// Created before any step, so a malformed URL is a usage error (exit 2). Redis trouble later is
// the flaky-provider step's outcome, not console noise.
const redisStore = (url: string | undefined): RedisBreakerStore | undefined => {
  if (url === undefined) return undefined;
  try {
    return createRedisBreakerStore({
      redis: url,
      namespace: "peak-smoke",
      logger: { warn: () => {} },
    });
  } catch (error) {
    throw usageError(
      `--redis: ${(error as Error).message}`,
      "Example: --redis redis://127.0.0.1:6379",
    );
  }
};

/** `peak-smoke run`: the whole kit on seeded synthetic bars; exit 0 only if every step passed. */
export async function runCommand(args: CliArgs, positionals: string[]): Promise<number> {
  if (args.values["list-strategies"]) return printStrategies(args.values.json === true);
  if (positionals.length > 0) {
    throw usageError(
      `run takes no arguments, got \`${positionals.join(" ")}\``,
      "See peak-smoke run --help.",
    );
  }
  const rows = positiveInt("rows", args.values.rows, 100_000);
  const seed = positiveInt("seed", args.values.seed, 42);
  const plan = resolveBacktestPlan(args);
  // A temp folder of our own goes away after the run unless --keep; Ctrl-C removes it too
  // (or, with --keep or --out, only this process's half-written files).
  const given = args.values.out;
  const ownOut = given === undefined;
  const keep = args.values.keep === true;
  const out = given === undefined ? mkdtempSync(join(tmpdir(), "peak-smoke-")) : resolve(given);
  mkdirSync(out, { recursive: true });
  if (ownOut && !keep) removeOnInterrupt(out);
  else sweepOnInterrupt(out);
  const json = args.values.json === true;
  const store = redisStore(args.values.redis);
  const started = performance.now();
  const runner = new StepRunner((r) => {
    if (!json) process.stdout.write(`${formatStep(r)}\n`);
  });
  const data = await runDataSteps(runner, rows, seed, out);
  if (data.bars !== undefined) {
    const { runId, configHash, gitSha, dataDigest } = data;
    await runBacktestStep(runner, data.bars, plan, { runId, seed, configHash, gitSha, dataDigest });
  }
  const providers = await runProviderSteps(runner, store);
  await runHealthStep(runner, { out, manifest: data.manifest, breakers: providers });
  const totalMs = performance.now() - started;
  const removed = ownOut && !keep;
  if (removed) rmSync(out, { recursive: true, force: true });
  forgetOnInterrupt(out);
  const { manifest: _manifest, bars: _bars, ...facts } = data;
  if (json) {
    process.stdout.write(
      `${JSON.stringify({ ok: runner.ok, rows, seed, out, removed, ...facts, totalMs, steps: runner.results })}\n`,
    );
  } else {
    const verdict = runner.ok ? "all steps passed" : "SOME STEPS FAILED";
    const where = removed ? `temporary folder ${out} removed (--keep keeps it)` : `files in ${out}`;
    process.stdout.write(`${verdict} in ${totalMs.toFixed(0)} ms; ${where}\n`);
  }
  return runner.ok ? EXIT.ok : EXIT.violations;
}
