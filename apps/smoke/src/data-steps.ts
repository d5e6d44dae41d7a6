import { copyFileSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import * as aq from "arquero";
import { atomicRead, atomicWrite, CacheManifest, sidecarPath } from "@peak/cache";
import { validateOhlcv } from "@peak/contracts";
import { isCacheCorruptionError, PeakTradeError } from "@peak/errors";
import { ReproContext } from "@peak/repro";
import type { StepRunner } from "./steps";
import { BAR_COLUMNS, digestColumns, generateBars, type Bars } from "./synthetic-bars";

/** What the data half of the pipeline hands to the summary. */
export interface DataSummary {
  runId?: string;
  configHash?: string;
  gitSha?: string | null;
  dataDigest?: string;
  manifest?: CacheManifest;
  /** The generated bars, for the backtest step. */
  bars?: Bars;
}

const fail = (message: string, context: Record<string, unknown> = {}): never => {
  throw new PeakTradeError(message, { context });
};

/** Repro context → bars → contract → atomic Parquet → manifest → verified read → corruption. */
export async function runDataSteps(
  runner: StepRunner,
  rows: number,
  seed: number,
  out: string,
): Promise<DataSummary> {
  const summary: DataSummary = {};
  const config = { dataset: "synthetic-ohlcv", generator: "gbm-1m", rows, seed };
  const ctx = await runner.step("repro context", async () => {
    const c = await ReproContext.create({ seed, config });
    Object.assign(summary, { runId: c.runId, configHash: c.configHash, gitSha: c.gitSha });
    return [
      c,
      `run ${c.runId}, config ${c.configHash.slice(0, 16)}, git ${c.gitSha?.slice(0, 12) ?? "none"}`,
    ];
  });
  if (ctx === undefined) return summary;
  const bars = await runner.step("generate bars", () => {
    const b = generateBars(rows, ctx.rng("bars"));
    summary.dataDigest = digestColumns(b as unknown as Record<string, Float64Array>);
    return [b, `${rows} one-minute bars, data digest ${summary.dataDigest.slice(0, 16)}`];
  });
  if (bars === undefined) return summary;
  summary.bars = bars;
  const table = aq.table(bars as unknown as Record<string, Float64Array>);
  await runner.step("validate", () => {
    validateOhlcv(table);
    return [null, `${table.numRows()} rows pass every contract rule`];
  });
  const file = join(out, "bars.parquet");
  const written = await runner.step("atomic write", async () => {
    const result = await atomicWrite(table, file, { checksum: "sha256" });
    return [result, `${file} (${result.size} bytes) + ${sidecarPath(file, "sha256")}`];
  });
  if (written === undefined) return summary;
  const manifest = await runner.step("manifest", async () => {
    const created = CacheManifest.create({
      dir: out,
      runId: ctx.runId,
      gitSha: ctx.gitSha,
      configHash: ctx.configHash,
    });
    await created.addFile(file);
    await created.save();
    return [created, `${created.path} lists ${created.files.length} file(s)`];
  });
  if (manifest !== undefined) summary.manifest = manifest;
  await runner.step("verified read", async () => {
    const back = await atomicRead(file, { verifyChecksum: true, format: "parquet" });
    const columns = Object.fromEntries(BAR_COLUMNS.map((c) => [c, back.array(c, Float64Array)]));
    const digest = digestColumns(columns);
    if (digest !== summary.dataDigest)
      fail("read-back data differs from what was written", {
        digest,
        expected: summary.dataDigest,
      });
    return [null, `checksum verified, ${back.numRows()} rows identical to what was written`];
  });
  await runner.step("corruption check", () => detectFlippedByte(file, out));
  return summary;
}

async function detectFlippedByte(file: string, out: string): Promise<[null, string]> {
  const copy = join(out, "bars-corrupt.parquet");
  copyFileSync(file, copy);
  writeFileSync(
    sidecarPath(copy, "sha256"),
    readFileSync(sidecarPath(file, "sha256"), "utf8").replace(
      "bars.parquet",
      "bars-corrupt.parquet",
    ),
  );
  const bytes = readFileSync(copy);
  const at = Math.floor(bytes.length / 2);
  bytes[at] = (bytes[at] ?? 0) ^ 0x01;
  writeFileSync(copy, bytes);
  try {
    await atomicRead(copy, { verifyChecksum: true, format: "parquet" });
  } catch (error) {
    if (isCacheCorruptionError(error))
      return [null, `one flipped byte at offset ${at} raised CacheCorruptionError`];
    throw error;
  }
  return fail("a copy with a flipped byte was read without error", { copy, offset: at });
}

export type { Bars };
