import { ConfigError } from "@peak/errors";
import { describe, expect, it } from "vitest";
import { circuitBreaker } from "./circuit-breaker";
import { createVirtualClock } from "../time/virtual-clock";

// Which snapshots a circuit breaker accepts as `initialState`, and the times it restores.

const valid = {
  version: 1,
  name: "feed",
  state: "open",
  isolated: false,
  openedAt: 1_000,
  nextAttemptAt: 2_000,
  rule: { kind: "consecutive", data: [3] },
} as const;

// A function carrying the fields (typeof "function", so not a snapshot even with every field).
const asFunction = (fields: object): unknown => {
  const fn = (): undefined => undefined;
  for (const [key, value] of Object.entries(fields)) {
    Object.defineProperty(fn, key, { value, enumerable: true });
  }
  return fn;
};

const restore = (initialState: unknown) =>
  circuitBreaker({ clock: createVirtualClock(0), initialState: initialState as never });

const rejection = (initialState: unknown): unknown => {
  try {
    restore(initialState);
  } catch (error) {
    return error;
  }
  return undefined;
};

describe("circuitBreaker snapshot checks", () => {
  it("accepts a well-formed snapshot", () => {
    expect(restore(valid).toJSON()).toEqual({ ...valid, name: "circuit-breaker" });
  });

  it("says what it expected and names the option", () => {
    const error = rejection({ ...valid, version: 2 }) as ConfigError;
    expect(error).toBeInstanceOf(ConfigError);
    expect(error.message).toBe("`initialState` is not a circuit breaker snapshot (version 1)");
    expect(error.hint).toBe(
      "Pass the value returned by breaker.toJSON() (parsed back from JSON if stored)",
    );
    expect(error.context).toEqual({ option: "initialState", owner: "circuitBreaker" });
  });

  it.each([
    ["null", null],
    ["a string", "open"],
    ["a function", asFunction(valid)],
    ["version 2", { ...valid, version: 2 }],
    ["a half-open state", { ...valid, state: "half-open" }],
    ["isolated as a string", { ...valid, isolated: "yes" }],
    ["openedAt as a string", { ...valid, openedAt: "1000" }],
    ["openedAt missing", { ...valid, openedAt: undefined }],
    ["nextAttemptAt as a string", { ...valid, nextAttemptAt: "2000" }],
    ["nextAttemptAt infinite", { ...valid, nextAttemptAt: Infinity }],
    ["no rule", { ...valid, rule: null }],
    ["a rule that is a function", { ...valid, rule: asFunction(valid.rule) }],
    ["rule data not an array", { ...valid, rule: { kind: "consecutive", data: "3" } }],
    ["rule data with a non-number", { ...valid, rule: { kind: "consecutive", data: [1, "2"] } }],
  ])("rejects %s with a ConfigError", (_, snapshot) => {
    expect(rejection(snapshot)).toBeInstanceOf(ConfigError);
  });
});

describe("circuitBreaker snapshot times", () => {
  it("keeps openedAt of an open snapshot", () => {
    expect(restore(valid).toJSON()).toMatchObject({ openedAt: 1_000, nextAttemptAt: 2_000 });
  });

  it("dates an open snapshot without openedAt at its next attempt", () => {
    const restored = restore({ ...valid, openedAt: null });
    expect(restored.toJSON()).toMatchObject({ openedAt: 2_000, nextAttemptAt: 2_000 });
  });

  it("probes at once when an open snapshot has no next attempt time", () => {
    const restored = restore({ ...valid, openedAt: null, nextAttemptAt: null });
    expect(restored.state).toBe("half-open");
  });

  it("keeps openedAt of an isolated snapshot, or dates it 0 when missing", () => {
    const isolated = { ...valid, isolated: true, nextAttemptAt: null };
    expect(restore(isolated).toJSON()).toMatchObject({ isolated: true, openedAt: 1_000 });
    expect(restore({ ...isolated, openedAt: null }).toJSON()).toMatchObject({ openedAt: 0 });
  });

  it("restores a closed snapshot as closed", () => {
    const closed = { ...valid, state: "closed", openedAt: null, nextAttemptAt: null };
    expect(restore(closed).state).toBe("closed");
  });
});
