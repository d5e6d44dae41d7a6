import { describe, expect, it } from "vitest";
import { makeFuzzCase } from "./fuzz/csv-mutator";
import { runCsvFuzz } from "./fuzz/run-fuzz";

describe("CSV fuzz", () => {
  it("makes the same case from the same seed", () => {
    expect(makeFuzzCase(42)).toEqual(makeFuzzCase(42));
  });

  it("ends 1,000 hostile CSV cases with a report or a PeakTradeError, none hung or crashed", async () => {
    const counts = await runCsvFuzz(1000);
    console.info(`csv fuzz: ${JSON.stringify({ ...counts, failures: counts.failures.length })}`);
    expect(counts.failures).toEqual([]);
    expect(counts.parsed + counts.typed).toBe(1000);
    expect(counts.parsed).toBeGreaterThan(100);
    expect(counts.typed).toBeGreaterThan(100);
  }, 300_000);
});
