import { describe, expect, it } from "vitest";
import { stableHash } from "./stable-hash";

describe("stableHash", () => {
  // Short forms shared with the original Python stable_hash_dict (reference note §5 and §2.7).
  it.each([
    [{}, "44136fa355b3678a"],
    [{ strategy: "ma_crossover", seed: 42 }, "d2df892c28a5d668"],
    [{ strategy: "momentum", param: 10 }, "b3c04cee70b475dd"],
    [{ b: 2, a: 1 }, "43258cff783fe703"],
    [
      { symbol: "BTC/USDT", strategy: "ma_crossover", slow_period: 20, fast_period: 10 },
      "b99fb2d524d7e2e6",
    ],
    [{ nested: { t: true, b: [3, { d: 1, c: 2 }], a: null } }, "adad21127fd52a69"],
    [{ x: 0.1 }, "2b018c1708c1cc2f"],
    [{ x: 1e21 }, "f4bcbb57bdf54b5b"],
    [{ x: 1 }, "5041bf1f713df204"],
    [{ 2: "b", 1: "a" }, "a71fc868af5e004c"],
  ])("matches the original's short hash for %j", (value, expected) => {
    expect(stableHash(value, { short: true })).toBe(expected);
  });

  // Where JCS and Python's json.dumps differ, the JCS hash is pinned (legacyPythonHash covers the rest).
  it.each([
    [{ x: 1e16 }, "d9ea702067d662ee"],
    [{ x: 1e-7 }, "43c8e92bd5552bd4"],
    [{ x: 2.5e-5 }, "a341a35f9d2a4729"],
    [{ x: -0 }, "5bff452c5ed93f2e"],
    [{ s: "é" }, "86028b41ba792eaf"],
  ])("pins the JCS short hash for %j", (value, expected) => {
    expect(stableHash(value, { short: true })).toBe(expected);
  });

  it("returns the full 64-character SHA-256 by default", () => {
    expect(stableHash({})).toBe("44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a");
    expect(stableHash({ seed: 42, strategy: "ma_crossover" })).toBe(
      "d2df892c28a5d66870a91dc4ed9c701ad85fdb941bbea91d9ddfbd42323814b8",
    );
  });

  it("supports sha384 and sha512", () => {
    expect(stableHash({}, { algorithm: "sha384" })).toHaveLength(96);
    expect(stableHash({}, { algorithm: "sha512", short: true })).toHaveLength(16);
  });

  it("changes when a value changes", () => {
    expect(stableHash({ param: 10 })).not.toBe(stableHash({ param: 20 }));
  });

  it("rejects an unknown algorithm", () => {
    expect(() => stableHash({}, { algorithm: "md5" as never })).toThrow(
      expect.objectContaining({ code: "CONFIG", hint: expect.stringContaining("sha256") }),
    );
  });
});
