import { describe, expect, it } from "vitest";
import { configRefusal } from "../__fixtures__/refusal";
import type { ReproContextOptions } from "./context-options";
import { ReproContext } from "./repro-context";

const DIGEST = "0123456789abcdef0123456789abcdef";

const invalid = (options: Record<string, unknown>) =>
  configRefusal(() => ReproContext.createSync({ gitSha: null, ...options } as ReproContextOptions));

describe("ReproContext.create option checks", () => {
  it.each([
    ["gitSha", 12345, "null or a lower-case hex commit SHA"],
    ["gitSha", "XYZ", "null or a lower-case hex commit SHA"],
    ["configHash", 1234567890123456, "a lower-case hex digest of 16 to 128 characters"],
    ["configHash", "ABC", "a lower-case hex digest of 16 to 128 characters"],
    ["now", 5, "a function returning Unix milliseconds"],
  ])("rejects %s = %o, saying what is expected", (option, value, expected) => {
    const error = invalid({ [option]: value });
    expect(error.message).toBe(`Invalid ReproContext option \`${option}\`: expected ${expected}`);
    expect(error.hint).toBe(`Pass ${expected}, or leave \`${option}\` out`);
    expect(error.context).toEqual({ option, value: String(value) });
  });

  it("stores a valid configHash and gitSha as given", () => {
    const ctx = ReproContext.createSync({ configHash: DIGEST, gitSha: "3f2a9c41" });
    expect(ctx.configHash).toBe(DIGEST);
    expect(ctx.gitSha).toBe("3f2a9c41");
  });

  it("uses a given gitSha, or null, without asking git (async create too)", async () => {
    // This test runs inside a git checkout, where git would answer with a full SHA.
    expect((await ReproContext.create({ gitSha: "3f2a9c41" })).gitSha).toBe("3f2a9c41");
    expect((await ReproContext.create({ gitSha: null })).gitSha).toBeNull();
  });
});

describe("ReproContext JSON seeds", () => {
  it("writes bigint seeds up to 2^53 - 1 as numbers and larger ones as text", () => {
    const max = BigInt(Number.MAX_SAFE_INTEGER);
    const json = (seed: bigint | string) =>
      ReproContext.createSync({ seed, gitSha: null }).toJSON();
    expect(json(5n)).toMatchObject({ seed: 5, seedType: "integer" });
    expect(json(max)).toMatchObject({ seed: Number.MAX_SAFE_INTEGER, seedType: "integer" });
    expect(json(max + 1n)).toMatchObject({ seed: "9007199254740992", seedType: "integer" });
    expect(json("12")).toMatchObject({ seed: "12", seedType: "string" });
  });
});
