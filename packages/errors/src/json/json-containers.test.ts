import { describe, expect, it } from "vitest";
import { toSafeJson } from "./safe-json";

const tenKeys = () => Object.fromEntries(Array.from({ length: 10 }, (_, i) => [`k${i}`, i]));

describe("toSafeJson objects and maps under a budget", () => {
  it("stops at the key where the budget reaches exactly zero and counts the keys left out", () => {
    // maxBytes 67: a budget of 67 - 16 (reserve) = 51, minus 2 for the braces = 49; each
    // `"kN":N,` costs 4 + 2 + 1 = 7, so the budget is 0 after seven keys and the eighth is cut.
    const kept = Object.fromEntries(Array.from({ length: 7 }, (_, i) => [`k${i}`, i]));
    expect(toSafeJson(tenKeys(), { maxBytes: 67 })).toEqual({
      ...kept,
      "[Truncated]": "3 more keys",
    });
    const map = new Map(Object.entries(tenKeys()));
    expect(toSafeJson(map, { maxBytes: 67 })).toEqual({ ...kept, "[Truncated]": "3 more keys" });
  });

  it("accounts for every key at any budget: kept, or counted as left out", () => {
    for (let maxBytes = 64; maxBytes <= 160; maxBytes++) {
      const out = toSafeJson(tenKeys(), { maxBytes }) as Record<string, unknown>;
      const kept = Object.keys(out).filter((k) => k !== "[Truncated]").length;
      const marker = out["[Truncated]"];
      const left = marker === undefined ? 0 : Number.parseInt(marker as string);
      expect(kept + left).toBe(10);
    }
  });

  it("gives plain data a caller may change", () => {
    const out = toSafeJson({ a: 1, b: 2 }) as Record<string, unknown>;
    out["a"] = 3;
    delete out["b"];
    expect(out).toEqual({ a: 3 });
  });

  it("names a map key whose text cannot be read", () => {
    const key = {
      toString() {
        throw new Error("no text");
      },
    };
    expect(toSafeJson(new Map([[key, 1]]))).toEqual({ "[unreadable: no text]": 1 });
  });
});
