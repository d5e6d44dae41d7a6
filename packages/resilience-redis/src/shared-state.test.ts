import { describe, expect, it } from "vitest";
import { parseSharedState, SCHEMA_VERSION, warnForeign } from "./shared-state";
import { resolveStoreOptions } from "./store-options";
import { sharedState } from "./test-support/shared-peer";

const json = (value: unknown) => JSON.stringify(value);

describe("parseSharedState", () => {
  it("reads each of the three states of this schema version", () => {
    for (const state of ["closed", "open", "half-open"] as const) {
      const value = sharedState(7, { state, prober: state === "half-open" ? "me" : "" });
      expect(parseSharedState(json(value))).toEqual({ kind: "state", state: value });
    }
    expect(SCHEMA_VERSION).toBe(1);
  });

  it("reads nothing from a missing or empty value", () => {
    expect(parseSharedState(null)).toEqual({ kind: "none" });
    expect(parseSharedState(undefined)).toEqual({ kind: "none" });
    expect(parseSharedState("")).toEqual({ kind: "none" });
  });

  it("calls text that is not a JSON object foreign, without a version", () => {
    for (const raw of ["{not json", "null", "5", '"open"', "true"]) {
      expect(parseSharedState(raw)).toEqual({ kind: "foreign", version: undefined });
    }
  });

  it("calls another schema version foreign and names it", () => {
    expect(parseSharedState(json({ ...sharedState(1), v: 2 }))).toEqual({
      kind: "foreign",
      version: 2,
    });
    expect(parseSharedState(json({ state: "open" }))).toEqual({
      kind: "foreign",
      version: undefined,
    });
  });

  it("calls a version-1 value with a missing or mistyped field foreign", () => {
    const broken = [
      { ...sharedState(1), name: 5 },
      { ...sharedState(1), state: "ajar" },
      { ...sharedState(1), state: "" },
      { ...sharedState(1), gen: "3" },
      { ...sharedState(1), until: undefined },
      { ...sharedState(1), prober: undefined },
      { ...sharedState(1), prober: 0 },
    ];
    for (const value of broken) {
      expect(parseSharedState(json(value))).toEqual({ kind: "foreign", version: 1 });
    }
  });

  it("refuses numbers that are not finite (JSON can spell Infinity as 1e999)", () => {
    const raw = json(sharedState(1)).replace('"deadline":0', '"deadline":1e999');
    expect(raw).toContain("1e999");
    expect(parseSharedState(raw)).toEqual({ kind: "foreign", version: 1 });
    const gen = json(sharedState(1)).replace('"gen":1', '"gen":-1e999');
    expect(parseSharedState(gen)).toEqual({ kind: "foreign", version: 1 });
  });
});

describe("warnForeign", () => {
  it("warns once per store, naming the breaker and both versions", () => {
    const warnings: [string, unknown][] = [];
    const logger = {
      warn: (message: string, context?: unknown) => warnings.push([message, context]),
    };
    const options = resolveStoreOptions({ logger });
    warnForeign(options, "kraken", 2);
    warnForeign(options, "binance", 3);
    expect(warnings).toEqual([
      [
        "Redis breaker store: ignored shared state of another schema version",
        { breaker: "kraken", found: 2, expected: 1 },
      ],
    ]);
    warnForeign(resolveStoreOptions({ logger }), "binance", 3);
    expect(warnings).toHaveLength(2);
  });
});
