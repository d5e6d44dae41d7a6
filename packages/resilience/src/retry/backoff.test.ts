import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { backoffSettings } from "./__fixtures__/backoff-settings";
import { backoffDelay } from "./backoff";

describe("backoffDelay", () => {
  it("doubles from the base delay", () => {
    expect([1, 2, 3, 4].map((n) => backoffDelay(backoffSettings(), n, 100))).toEqual([
      100, 200, 400, 800,
    ]);
  });

  it("applies full, equal and decorrelated jitter with the injected random", () => {
    expect(backoffDelay(backoffSettings({ jitter: "full", random: () => 0.25 }), 3, 0)).toBe(100);
    expect(backoffDelay(backoffSettings({ jitter: "equal", random: () => 0.5 }), 3, 0)).toBe(300);
    expect(
      backoffDelay(backoffSettings({ jitter: "decorrelated", random: () => 0.5 }), 9, 1_000),
    ).toBe(1_550);
  });

  test.prop([
    fc.constantFrom("exponential" as const, "constant" as const),
    fc.constantFrom("none" as const, "full" as const, "equal" as const, "decorrelated" as const),
    fc.double({ min: 0, max: 1e12, noNaN: true }),
    fc.double({ min: 0, max: 1e12, noNaN: true }),
    fc.integer({ min: 1, max: 1_000_000 }),
    fc.double({ min: 0, max: 1, noNaN: true }),
  ])(
    "stays finite and within [0, maxDelayMs] for any attempt",
    (backoff, jitter, base, max, retry, r) => {
      const s = backoffSettings({
        backoff,
        jitter,
        baseDelayMs: base,
        maxDelayMs: max,
        random: () => r,
      });
      let previous = base;
      for (const n of [retry, retry + 1, retry + 5_000]) {
        previous = backoffDelay(s, n, previous);
        expect(Number.isFinite(previous)).toBe(true);
        expect(previous).toBeGreaterThanOrEqual(0);
        expect(previous).toBeLessThanOrEqual(max);
      }
    },
  );

  it("keeps decorrelated delays finite over 10 000 consecutive retries", () => {
    const s = backoffSettings({
      jitter: "decorrelated",
      random: () => 0.999999,
      maxDelayMs: Number.MAX_VALUE,
    });
    let previous = s.baseDelayMs;
    for (let n = 1; n <= 10_000; n += 1) previous = backoffDelay(s, n, previous);
    expect(Number.isFinite(previous)).toBe(true);
  });
});
