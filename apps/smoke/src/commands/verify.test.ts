import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli, useTempDirs } from "../test-cli";

const temp = useTempDirs();

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
