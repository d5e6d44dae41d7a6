import { execFile } from "node:child_process";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { beforeAll, describe, expect, it } from "vitest";

const run = promisify(execFile);
const probe = fileURLToPath(new URL("./__fixtures__/tz-probe.ts", import.meta.url));
const packageDir = fileURLToPath(new URL("..", import.meta.url));
const ZONES = ["UTC", "America/New_York", "Asia/Tokyo"] as const;

const probeUnder = async (tz: string): Promise<Record<string, unknown>> => {
  const { stdout } = await run(
    process.execPath,
    ["--conditions=@peak/source", "--import", "tsx", probe],
    { cwd: packageDir, env: { ...process.env, TZ: tz } },
  );
  return JSON.parse(stdout) as Record<string, unknown>;
};

describe("time-zone independence", () => {
  let results: Record<string, unknown>[] = [];
  beforeAll(async () => {
    results = await Promise.all(ZONES.map(probeUnder));
  }, 60_000);

  it("parses and judges identically under UTC, New York and Tokyo", () => {
    const [utc, ny, tokyo] = results.map(({ tz: _tz, arqueroLocal: _a, ...rest }) => rest);
    expect(ny).toEqual(utc);
    expect(tokyo).toEqual(utc);
    expect(results.map((r) => r.tz)).toEqual([...ZONES]);
    // The control proves TZ took effect: arquero's own parser moves with the local zone.
    expect(new Set(results.map((r) => r.arqueroLocal)).size).toBe(3);
  });

  it("reads zone-less stamps in the timezone option, DST-correct, in every zone", () => {
    const r = results[2] as Record<string, unknown>;
    // New York wall times: 01:30 EST, 02:30 skipped by spring-forward (kept as text),
    // 03:30 EDT; fall-back's repeated 01:30 read as EDT, then EST.
    expect(r.zoned).toEqual([
      Date.UTC(2024, 2, 10, 6, 30),
      "2024-03-10 02:30",
      Date.UTC(2024, 2, 10, 7, 30),
      Date.UTC(2024, 10, 3, 5, 30),
      Date.UTC(2024, 10, 3, 6, 30),
    ]);
    expect(r.zonedReport).toMatchObject({ violations: [{ rule: "invalid_timestamp", rows: [1] }] });
    expect(r.zonedArray).toEqual(r.zonedReport);
  });

  it("reads zone-less stamps as UTC wall time in every zone", () => {
    const r = results[1] as Record<string, unknown>;
    expect(r.utcColumn).toEqual([
      Date.UTC(2024, 2, 10, 1, 30),
      Date.UTC(2024, 2, 10, 2, 30),
      Date.UTC(2024, 2, 9, 18, 30),
      Date.UTC(2024, 10, 3),
    ]);
    expect(r.strictReport).toMatchObject({
      ok: false,
      violations: [
        { rule: "naive_timestamp", rows: [0, 1, 3] },
        { rule: "unsorted_timestamps", rows: [2] },
      ],
    });
    expect(r.utcReport).toMatchObject({
      ok: false,
      violations: [{ rule: "unsorted_timestamps", rows: [2] }],
    });
  });
});
