import { mkdir } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { bundleChild } from "../shared/__fixtures__/bundle-child";
import { runFuzzCases } from "./fuzz-pool";

const workerFile = async () => {
  const outDir = fileURLToPath(new URL("../../node_modules/.cache/peak-fuzz/", import.meta.url));
  await mkdir(outDir, { recursive: true });
  return bundleChild(outDir, new URL("__fixtures__/misbehaving-worker.ts", import.meta.url));
};

describe("runFuzzCases", () => {
  it("counts parsed, typed, untyped, hung and out-of-memory cases and keeps going", async () => {
    const bad: string[] = [];
    const counts = await runFuzzCases({
      workerFile: await workerFile(),
      cases: ["ok", "typed", "plain", "hang", "ok", "oom", "ok"],
      // Long enough that a 32 MB heap fills (crash) before the deadline even on a busy machine.
      deadlineMs: 5_000,
      memoryMb: 32,
      onBad: (index, outcome) => bad.push(`${index}:${outcome}`),
    });
    expect(counts).toEqual({ cases: 7, parsed: 3, typed: 1, untyped: 1, timeout: 1, crash: 1 });
    expect(bad).toEqual(["2:untyped", "3:timeout", "5:crash"]);
  }, 60_000);
});
