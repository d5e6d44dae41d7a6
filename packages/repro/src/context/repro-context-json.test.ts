import { describe, expect, it } from "vitest";
import { ReproContext } from "./repro-context";

const config = { strategy: "ma_crossover", fast: 10, slow: 20 };

describe("ReproContext JSON", () => {
  it("round-trips through JSON text", async () => {
    const ctx = await ReproContext.create({
      seed: "experiment-3",
      config,
      gitSha: "3f2a9c41b7de3f2a9c41b7de3f2a9c41b7de3f2a",
    });
    const again = ReproContext.fromJSON(JSON.stringify(ctx));
    expect(again.toJSON()).toEqual(ctx.toJSON());
    expect(again).toBeInstanceOf(ReproContext);
  });

  it("keeps big bigint seeds as decimal strings", () => {
    const ctx = ReproContext.createSync({ seed: 2n ** 64n, gitSha: null });
    expect(ctx.toJSON()).toMatchObject({ seed: "18446744073709551616", seedType: "integer" });
    expect(ReproContext.fromJSON(ctx.toJSON()).seed).toBe(2n ** 64n);
  });

  it.each([
    ["runId", { runId: "not-a-uuid" }],
    ["schemaVersion", { schemaVersion: 2 }],
    ["gitSha", { gitSha: 42 }],
    ["configHash", { configHash: "XYZ" }],
    ["createdAt", { createdAt: "yesterday" }],
    ["seed", { seed: -1 }],
    ["seed", { seedType: "string" }],
    ["platform", { platform: undefined }],
    ["packages.@peak/errors", { packages: { "@peak/errors": 1 } }],
  ])("rejects a bad %s with a ConfigError naming it", (field, patch) => {
    const json = { ...ReproContext.createSync({ seed: 3, gitSha: null }).toJSON(), ...patch };
    expect(() => ReproContext.fromJSON(json)).toThrow(
      expect.objectContaining({
        code: "CONFIG",
        message: expect.stringContaining(field.split(".")[0]!),
      }),
    );
  });

  it("rejects text that does not parse and non-objects", () => {
    expect(() => ReproContext.fromJSON("{")).toThrow(expect.objectContaining({ code: "CONFIG" }));
    expect(() => ReproContext.fromJSON([])).toThrow(expect.objectContaining({ code: "CONFIG" }));
  });

  it("keeps a __proto__ package name as data", () => {
    const json = ReproContext.createSync({ seed: 3, gitSha: null }).toJSON();
    const text = JSON.stringify(json).replace('"packages":{', '"packages":{"__proto__":"1.0.0",');
    const ctx = ReproContext.fromJSON(text);
    expect(Object.getPrototypeOf(ctx.packages)).toBe(Object.prototype);
    expect(Object.getOwnPropertyDescriptor(ctx.packages, "__proto__")?.value).toBe("1.0.0");
  });
});
