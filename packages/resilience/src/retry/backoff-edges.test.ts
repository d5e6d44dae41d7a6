import { describe, expect, it } from "vitest";
import { backoffSettings } from "./__fixtures__/backoff-settings";
import { backoffDelay } from "./backoff";

// The edges of backoffDelay: constant growth, random sources outside [0, 1), and the final
// guard that keeps the delay in [0, maxDelayMs].

describe("backoffDelay edges", () => {
  it("keeps a constant backoff at the base delay on every retry", () => {
    const s = backoffSettings({ backoff: "constant" });
    expect([1, 2, 5].map((n) => backoffDelay(s, n, 100))).toEqual([100, 100, 100]);
  });

  it("reads a random value of 1 or more as 1, and a negative or NaN one as 0", () => {
    const full = (value: number) =>
      backoffDelay(backoffSettings({ jitter: "full", random: () => value }), 3, 100);
    expect(full(1)).toBe(400);
    expect(full(1.5)).toBe(400);
    expect(full(-1)).toBe(0);
    expect(full(Number.NaN)).toBe(0);
    expect(full(0.25)).toBe(100);
  });

  it("never leaves [0, maxDelayMs], even for a negative base outside the contract", () => {
    expect(backoffDelay(backoffSettings({ baseDelayMs: -100 }), 1, 0)).toBe(10_000);
    const huge = backoffSettings({
      jitter: "decorrelated",
      random: () => 0,
      maxDelayMs: Number.MAX_VALUE,
    });
    expect(backoffDelay(huge, 2, Number.MAX_VALUE)).toBe(Number.MAX_VALUE);
  });
});
