import { ConfigError } from "@peak/errors";
import { describe, expect, it } from "vitest";
import { checkOhlcv } from "../check-ohlcv";
import { regularSeries } from "./__fixtures__/series";

const thrown = (quality: unknown): ConfigError => {
  try {
    checkOhlcv(regularSeries(5), { quality: quality as true });
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error("expected a ConfigError");
};

describe("quality options", () => {
  it("rejects an unknown key with a did-you-mean hint", () => {
    const error = thrown({ maxMisingBars: 2 });
    expect(error.message).toContain("maxMisingBars");
    expect(error.hint).toBe("Did you mean `maxMissingBars`?");
    expect(error.context).toMatchObject({ option: "quality.maxMisingBars" });
  });

  it("rejects an unknown rule name with a suggestion", () => {
    const error = thrown({ rules: ["stale_prices"] });
    expect(error.hint).toBe("Did you mean `stale_price`?");
  });

  it("lists the known options when nothing is close", () => {
    expect(thrown({ colour: 1 }).hint).toContain("intervalMs");
  });

  it.each([
    [{ intervalMs: 0 }, "intervalMs"],
    [{ staleBars: 1.5 }, "staleBars"],
    [{ maxMissingBars: -1 }, "maxMissingBars"],
    [{ jumpThreshold: Number.NaN }, "jumpThreshold"],
    [{ calendar: "monthly" }, "calendar"],
    [{ reportPersistentJumps: "yes" }, "reportPersistentJumps"],
    [{ rules: "gap" }, "rules"],
    ["on", "quality"],
  ])("rejects %j naming %s", (quality, name) => {
    const error = thrown(quality);
    expect(error.message).toContain(name);
    expect(error.hint).toBeTruthy();
  });

  it("accepts false as every rule off", () => {
    const report = checkOhlcv(regularSeries(5), { quality: false });
    expect(report.warnings).toEqual([]);
  });
});
