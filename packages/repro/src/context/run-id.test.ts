import { describe, expect, it } from "vitest";
import { createRunId, createRunIdGenerator, isRunId, runIdTimestamp, tick } from "./run-id";

const zeros = (bytes: Uint8Array) => bytes.fill(0);

describe("createRunId", () => {
  it("returns a lower-case UUIDv7 carrying the current time", () => {
    const before = Date.now();
    const id = createRunId();
    expect(isRunId(id)).toBe(true);
    expect(runIdTimestamp(id)).toBeGreaterThanOrEqual(before);
    expect(runIdTimestamp(id)).toBeLessThanOrEqual(Date.now());
  });

  it("sorts 20,000 ids in creation order", () => {
    const ids = Array.from({ length: 20_000 }, createRunId);
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids).size).toBe(ids.length);
  });
});

describe("createRunIdGenerator", () => {
  it("encodes the clock's milliseconds in the first 48 bits", () => {
    const next = createRunIdGenerator({ now: () => 0x0123_4567_89ab, fillRandom: zeros });
    expect(next()).toBe("01234567-89ab-7000-8000-000000000000");
  });

  it("counts up within one millisecond and when the clock steps back", () => {
    let now = 1_000;
    const next = createRunIdGenerator({ now: () => now, fillRandom: zeros });
    const a = next();
    const b = next();
    now = 900;
    const c = next();
    expect([a, b, c]).toEqual([...[a, b, c]].sort());
    expect(b.slice(14, 23)).toBe("7000-8001");
    expect(runIdTimestamp(c)).toBe(1_000);
  });

  it("borrows the next millisecond when the counter runs out", () => {
    expect(tick({ ms: 5, counter: 2 ** 26 - 1 }, 5, 123)).toEqual({ ms: 6, counter: 0 });
    expect(tick({ ms: 5, counter: 7 }, 4, 123)).toEqual({ ms: 5, counter: 8 });
    expect(tick({ ms: 5, counter: 7 }, 9, 123)).toEqual({ ms: 9, counter: 123 });
  });

  it("rejects strings that are not UUIDv7 in isRunId", () => {
    expect(isRunId("9b2f0c1e-7d3a-4c55-8e6f-0a1b2c3d4e5f")).toBe(false);
    expect(isRunId("01234567-89AB-7000-8000-000000000000")).toBe(false);
  });
});
