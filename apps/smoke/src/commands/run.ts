import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { createRedisBreakerStore, type RedisBreakerStore } from "@peak/resilience-redis";
import { EXIT, usageError } from "../cli-error";
import { runDataSteps } from "../data-steps";
import { ensureOutDir } from "../file-check";
import { runHealthStep } from "../health-step";
import type { CliArgs } from "../main";
import { runProviderSteps } from "../provider-steps";
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
  if (positionals.length > 0) {
    throw usageError(
      `run takes no arguments, got \`${positionals.join(" ")}\``,
      "See peak-smoke run --help.",
    );
  }
  const rows = positiveInt("rows", args.values.rows, 100_000);
  const seed = positiveInt("seed", args.values.seed, 42);
  const out =
    args.values.out === undefined
      ? mkdtempSync(join(tmpdir(), "peak-smoke-"))
      : resolve(args.values.out);
  ensureOutDir(out);
  const json = args.values.json === true;
  const store = redisStore(args.values.redis);
  const started = performance.now();
  const runner = new StepRunner((r) => {
    if (!json) process.stdout.write(`${formatStep(r)}\n`);
  });
  const data = await runDataSteps(runner, rows, seed, out);
  const providers = await runProviderSteps(runner, store);
  await runHealthStep(runner, { out, manifest: data.manifest, breakers: providers });
  const totalMs = performance.now() - started;
  const { manifest: _manifest, ...facts } = data;
  if (json) {
    process.stdout.write(
      `${JSON.stringify({ ok: runner.ok, rows, seed, out, ...facts, totalMs, steps: runner.results })}\n`,
    );
  } else {
    const verdict = runner.ok ? "all steps passed" : "SOME STEPS FAILED";
    process.stdout.write(`${verdict} in ${totalMs.toFixed(0)} ms; files in ${out}\n`);
  }
  return runner.ok ? EXIT.ok : EXIT.violations;
}
