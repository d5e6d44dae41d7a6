import { describe, expect, it } from "vitest";
import { configRefusal } from "../__fixtures__/refusal";
import { verifyDeterminism } from "./verify-determinism";

const refusal = async (run: () => Promise<unknown>) => {
  const error = await run().then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  return configRefusal(() => {
    throw error;
  });
};

describe("verifyDeterminism options", () => {
  it("leaves Math.random alone with globalSeed: false, and seeds it with true", async () => {
    const original = Math.random;
    const seen: boolean[] = [];
    await verifyDeterminism(() => seen.push(Math.random === original), {
      seed: 1,
      globalSeed: false,
    });
    await verifyDeterminism(() => seen.push(Math.random === original), {
      seed: 1,
      globalSeed: true,
    });
    expect(seen).toEqual([true, true, false, false]);
  });

  it.each([1, 2.5])("names runs = %s and what to pass instead", async (runs) => {
    const error = await refusal(() => verifyDeterminism(() => 1, { seed: 1, runs }));
    expect(error.message).toBe(`verifyDeterminism needs runs ≥ 2, got ${runs}`);
    expect(error.hint).toBe("Pass an integer of at least 2, e.g. { runs: 3 }");
    expect(error.context).toEqual({ runs: String(runs) });
  });

  it("reports the whole outputs when reading them again finds no difference", async () => {
    // Run 0's output changes once run 1's is hashed: the hashes differ, a second walk sees equals.
    let hashedSecond = false;
    const first = {
      get v() {
        return hashedSecond ? "later" : "first";
      },
    };
    const second = {
      get v() {
        hashedSecond = true;
        return "later";
      },
    };
    const report = await verifyDeterminism((_rng, run) => (run === 0 ? first : second), {
      seed: 1,
    });
    expect(report.deterministic).toBe(false);
    expect(report.firstDifference?.run).toBe(1);
    expect(report.firstDifference?.path).toBe("$");
    expect(report.firstDifference?.expected).toBe(first);
    expect(report.firstDifference?.actual).toBe(second);
  });
});
