import { isConfigError, type PeakTradeError } from "@peak/errors";
import { describe, expect, it } from "vitest";
import { checkEpochUnit, epochToMs, inferEpochUnit } from "./epoch-unit";
import { checkTimeZone, createZoneReader } from "./time-zone";

const T0 = Date.UTC(2024, 0, 1);
const failure = (run: () => unknown): PeakTradeError => {
  try {
    run();
  } catch (error) {
    return error as PeakTradeError;
  }
  throw new Error("expected a throw");
};

describe("epoch windows under auto", () => {
  it("puts each unit's window at 1973-03-03 to 2286-11-20, edges included", () => {
    const edges: [number, "s" | "ms" | "us" | "ns", number][] = [
      [1e8, "s", 1e11],
      [1e11, "ms", 1e11],
      [1e14, "us", 1e11],
      [1e17, "ns", 1e11],
    ];
    for (const [low, unit, lowMs] of edges) {
      expect(epochToMs(low, unit, true), unit).toBe(lowMs);
      expect(epochToMs(low - low / 1e3, unit, true), unit).toBeNaN();
      expect(epochToMs(low * 100, unit, true), unit).toBeNaN();
      expect(epochToMs(low * 100 - low / 1e3, unit, true), unit).toBe(
        (low * 100 - low / 1e3) * (lowMs / low),
      );
    }
  });

  it("converts each unit without auto over the whole Date range", () => {
    expect(epochToMs(1e15, "us", false)).toBe(1e12);
    expect(epochToMs(1e18, "ns", false)).toBe(1e12);
    expect(epochToMs(5, "s", false)).toBe(5000);
    expect(epochToMs(8.64e12, "s", false)).toBe(8.64e15);
    expect(epochToMs(-8.64e12, "s", false)).toBe(-8.64e15);
    expect(epochToMs(8.64e12 + 1, "s", false)).toBeNaN();
    expect(epochToMs(-8.64e12 - 1, "s", false)).toBeNaN();
    expect(epochToMs(1.5e18 + 0.5, "ns", false)).toBe(1.5e12);
    expect(epochToMs(2.5, "ns", false)).toBeNaN();
  });
});

describe("inferEpochUnit", () => {
  it("takes the majority, ties going to ms", () => {
    expect(inferEpochUnit([1e9, 1e12])).toBe("ms");
    expect(inferEpochUnit([1e15, 1e12])).toBe("ms");
    expect(inferEpochUnit([1e9, 1e9, 1e12])).toBe("s");
    expect(inferEpochUnit([1e15, 1e15, 1e12])).toBe("us");
    expect(inferEpochUnit([1e18, 1e18, 1e12, 1e9])).toBe("ns");
  });

  it("counts only the rows that hold epoch numbers", () => {
    expect(inferEpochUnit([1e9, 1e12, 1e12], (i) => i === 0)).toBe("s");
    expect(inferEpochUnit([1e9, 1e12], () => false)).toBeUndefined();
  });

  it("looks at every row when the sample found none", () => {
    const values = new Float64Array(5000).fill(Number.NaN);
    values[1] = 1.7e9;
    expect(inferEpochUnit(values)).toBe("s");
    values[1] = 5;
    expect(inferEpochUnit(values)).toBeUndefined();
  });

  it("samples a long column evenly rather than its head", () => {
    const values = Float64Array.from({ length: 4096 }, (_, i) => (i < 1500 ? 1.7e9 : T0));
    expect(inferEpochUnit(values)).toBe("ms");
  });
});

describe("option checks", () => {
  it("accepts every epoch unit and auto, defaulting to auto", () => {
    expect(checkEpochUnit(undefined)).toBe("auto");
    for (const u of ["auto", "s", "ms", "us", "ns"]) expect(checkEpochUnit(u)).toBe(u);
  });

  it("names the option, the value and the choices of a bad epoch unit", () => {
    const near = failure(() => checkEpochUnit("mss", "csv.epochUnit"));
    expect(isConfigError(near)).toBe(true);
    expect(near.message).toBe("Expected `csv.epochUnit` to be one of auto, s, ms, us, ns, got mss");
    expect(near.hint).toContain("ms");
    expect(near.context).toEqual({ option: "csv.epochUnit", received: "mss" });
    const odd = failure(() => checkEpochUnit(5));
    expect(odd.message).toBe("Expected `epochUnit` to be one of auto, s, ms, us, ns, got number");
    expect(odd.hint).toBe(
      'Pass epochUnit: "s" for epoch seconds, "ms", "us", "ns", or "auto" to infer it',
    );
  });

  it("canonicalises zone names and refuses blank, odd and unknown ones", () => {
    expect(checkTimeZone(undefined)).toBeUndefined();
    expect(checkTimeZone("utc")).toBe("UTC");
    const blank = failure(() => checkTimeZone(" ", "tz"));
    expect(isConfigError(blank)).toBe(true);
    expect(blank.message).toBe("Unknown time zone ` ` in `tz`");
    expect(blank.context).toEqual({ option: "tz", received: " " });
    const odd = failure(() => checkTimeZone(7));
    expect(odd.message).toBe("Unknown time zone `number` in `timezone`");
    expect(odd.hint).toBe("Pass an IANA zone name such as America/New_York, Europe/Berlin or UTC");
    expect(failure(() => checkTimeZone("UTX")).hint).toContain("`UTC`");
    expect(failure(() => checkTimeZone("Europe/Berlinn")).hint).toMatch(
      /^Did you mean `Europe\/Berlin`/,
    );
    // Several close names are listed, joined by "or".
    expect(failure(() => checkTimeZone("Asia/Kolkatta")).hint).toBe(
      "Did you mean `Asia/Calcutta` or `Asia/Jakarta`?",
    );
  });
});

describe("createZoneReader", () => {
  it("reads a time after the switch on a DST day with the new offset", () => {
    const ny = createZoneReader("America/New_York");
    expect(ny(Date.UTC(2024, 2, 10, 12))).toBe(Date.UTC(2024, 2, 10, 16));
    expect(ny(Date.UTC(2024, 2, 10, 1))).toBe(Date.UTC(2024, 2, 10, 6));
    expect(ny(Date.UTC(2024, 10, 3, 12))).toBe(Date.UTC(2024, 10, 3, 17));
    expect(ny(Date.UTC(2024, 2, 10, 12))).toBe(Date.UTC(2024, 2, 10, 16)); // cached day
  });

  it("reads years before 100 and before Christ without shifting them", () => {
    const utc = createZoneReader("UTC");
    for (const year of [50, 0, -100]) {
      const d = new Date(0);
      d.setUTCFullYear(year, 5, 15);
      d.setUTCHours(13, 45, 30);
      expect(utc(d.getTime()), String(year)).toBe(d.getTime());
    }
  });

  it("gives NaN for a wall time that is not a number", () => {
    const utc = createZoneReader("UTC");
    expect(utc(Number.NaN)).toBeNaN();
    expect(utc(Infinity)).toBeNaN();
  });
});
