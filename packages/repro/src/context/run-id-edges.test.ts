import { describe, expect, it } from "vitest";
import { createRunIdGenerator, isRunId, runIdTimestamp } from "./run-id";

const ID = "01234567-89ab-7000-8000-000000000000";

describe("run id edges", () => {
  it("starts a generator at millisecond 0 with that millisecond", () => {
    const next = createRunIdGenerator({ now: () => 0, fillRandom: (bytes) => bytes.fill(0) });
    expect(next()).toBe("00000000-0000-7000-8000-000000000000");
  });

  it("fills the last 48 bits from crypto randomness by default", () => {
    const next = createRunIdGenerator({ now: () => 5 });
    const tails = new Set(Array.from({ length: 4 }, () => next().slice(24)));
    expect(tails.size).toBe(4);
    expect(tails.has("000000000000")).toBe(false);
  });

  it("accepts only a string, and only the whole of it", () => {
    expect(isRunId(ID)).toBe(true);
    expect(isRunId({ toString: () => ID })).toBe(false);
    expect(isRunId([ID])).toBe(false);
    expect(isRunId(`x${ID}`)).toBe(false);
    expect(isRunId(`${ID}0`)).toBe(false);
  });

  it("reads the timestamp from the first 48 bits", () => {
    expect(runIdTimestamp(ID)).toBe(0x0123_4567_89ab);
  });
});
