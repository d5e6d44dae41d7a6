import { describe, expect, it } from "vitest";
import { setGlobalSeed } from "./global-seed";
import { createRng } from "./rng";
import { stableHash } from "../hash/stable-hash";
import { verifyDeterminism } from "./verify-determinism";

describe("verifyDeterminism", () => {
  it("passes a function that only uses the rng it gets", async () => {
    const report = await verifyDeterminism((rng) => ({ draws: [rng.next(), rng.int(1, 6)] }), {
      seed: 42,
      runs: 3,
    });
    expect(report).toMatchObject({ deterministic: true, runs: 3 });
    expect(new Set(report.hashes).size).toBe(1);
    expect(report.firstDifference).toBeUndefined();
  });

  it("passes an async function that uses Math.random, and restores Math.random", async () => {
    const original = Math.random;
    const report = await verifyDeterminism(
      async () => {
        await Promise.resolve();
        return Math.random();
      },
      { seed: 7 },
    );
    expect(report.deterministic).toBe(true);
    expect(Math.random).toBe(original);
  });

  it("drives Math.random from a fork, not from the rng's own stream", async () => {
    const report = await verifyDeterminism((rng) => [rng.next(), Math.random()], { seed: 3 });
    const rng = createRng(3);
    expect(report.deterministic).toBe(true);
    const restore = setGlobalSeed(createRng(3).fork("Math.random"));
    const expected = [rng.next(), Math.random()];
    restore();
    expect(stableHash(expected)).toBe(report.hashes[0]);
    expect(expected[0]).not.toBe(expected[1]);
  });

  it("reports the first run and path that differ", async () => {
    let calls = 0;
    const report = await verifyDeterminism(
      () => {
        calls++;
        return { trades: [{ price: 100 }, { price: calls >= 3 ? 101 : 100 }], label: "x" };
      },
      { seed: 1, runs: 4 },
    );
    expect(report.deterministic).toBe(false);
    expect(report.hashes).toHaveLength(4);
    expect(report.firstDifference).toEqual({
      run: 2,
      path: "$.trades[1].price",
      expected: 100,
      actual: 101,
    });
  });

  it("detects unseeded randomness when the global seed is off", async () => {
    const shared = createRng(99);
    const report = await verifyDeterminism(() => shared.next(), { seed: 1, globalSeed: false });
    expect(report.firstDifference?.path).toBe("$");
  });

  it("restores Math.random when the function throws, and rethrows", async () => {
    const original = Math.random;
    const boom = new Error("boom");
    await expect(
      verifyDeterminism(
        () => {
          throw boom;
        },
        { seed: 1 },
      ),
    ).rejects.toBe(boom);
    expect(Math.random).toBe(original);
  });

  it.each([1, 0, 2.5])("rejects runs = %s", async (runs) => {
    await expect(verifyDeterminism(() => 1, { seed: 1, runs })).rejects.toMatchObject({
      code: "CONFIG",
    });
  });

  it("rejects outputs that are not JSON data, naming the path", async () => {
    await expect(verifyDeterminism(() => ({ at: new Date(0) }), { seed: 1 })).rejects.toMatchObject(
      {
        code: "CONFIG",
        context: { path: "$.at" },
      },
    );
  });
});
