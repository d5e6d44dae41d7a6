import { ConfigError, ProviderError } from "@peak/errors";
import { describe, expect, it } from "vitest";
import { circuitBreaker } from "../breaker/circuit-breaker";
import { isCircuitOpenError, type CircuitOpenError } from "../errors/circuit-open-error";
import { createVirtualClock } from "../time/virtual-clock";

// Peer scenarios (issue 14): what cockatiel's and opossum's docs promise of a breaker,
// written as our own tests against our public API.

const down = () => Promise.reject(new ProviderError("503 from exchange"));

const setup = (options: Parameters<typeof circuitBreaker>[0] = {}) => {
  const clock = createVirtualClock(0);
  const breaker = circuitBreaker({
    name: "peer",
    failureThreshold: 2,
    recoveryTimeoutMs: 1_000,
    clock,
    ...options,
  });
  const fail = (times: number) =>
    Promise.all(Array.from({ length: times }, () => breaker.tryExecute(down)));
  return { clock, breaker, fail };
};

const rejection = async (p: Promise<unknown>): Promise<CircuitOpenError> => {
  const error = await p.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!isCircuitOpenError(error))
    throw new Error(`expected CircuitOpenError, got ${String(error)}`);
  return error;
};

describe("peer scenarios: half-open", () => {
  it("cockatiel/opossum: after the reset timeout a successful probe closes the breaker", async () => {
    const { clock, breaker, fail } = setup();
    const states: string[] = [];
    breaker.onStateChange((e) => states.push(e.to));
    await fail(2);
    expect(breaker.state).toBe("open");
    await clock.advance(1_000);
    expect(breaker.state).toBe("half-open");
    await expect(breaker.execute(() => "probe ok")).resolves.toBe("probe ok");
    expect(breaker.state).toBe("closed");
    expect(states).toEqual(["open", "half-open", "closed"]);
    await expect(breaker.execute(() => "normal")).resolves.toBe("normal");
  });

  it("cockatiel/opossum: a failed probe re-opens the breaker for another full reset timeout", async () => {
    const { clock, breaker, fail } = setup();
    await fail(2);
    await clock.advance(1_000);
    await expect(breaker.execute(down)).rejects.toThrow("503 from exchange");
    expect(breaker.state).toBe("open");
    const error = await rejection(breaker.execute(() => "not run"));
    expect(error).toMatchObject({ state: "open", nextAttemptAt: 2_000, breakerName: "peer" });
    await clock.advance(999);
    expect(breaker.state).toBe("open");
    await clock.advance(1);
    expect(breaker.state).toBe("half-open");
  });

  it("opossum: callers other than the probe are rejected at once; differs from cockatiel: they do not wait for the probe, because that wait is unbounded and ignores abort", async () => {
    const { clock, breaker, fail } = setup();
    await fail(2);
    await clock.advance(1_000);
    let finishProbe!: (v: string) => void;
    const probe = breaker.execute(() => new Promise<string>((r) => (finishProbe = r)));
    const other = await rejection(breaker.execute(() => "second caller"));
    expect(other.state).toBe("half-open");
    finishProbe("probe ok");
    await expect(probe).resolves.toBe("probe ok");
    expect(breaker.state).toBe("closed");
  });

  it("differs from opossum: a stale success admitted before the breaker opened does not close it while half-open, because it says nothing about the recovered service", async () => {
    const { clock, breaker, fail } = setup();
    let finishStale!: (v: string) => void;
    const stale = breaker.execute(() => new Promise<string>((r) => (finishStale = r)));
    await fail(2);
    await clock.advance(1_000);
    expect(breaker.state).toBe("half-open");
    finishStale("late");
    await expect(stale).resolves.toBe("late");
    expect(breaker.state).toBe("half-open");
  });
});

describe("peer scenarios: isolate and reset", () => {
  it("cockatiel: isolate() holds the breaker open past the reset timeout until released", async () => {
    const { clock, breaker } = setup();
    const release = breaker.isolate();
    expect(breaker.state).toBe("open");
    await clock.advance(10_000);
    expect(breaker.state).toBe("open");
    let ran = false;
    const error = await rejection(breaker.execute(() => (ran = true)));
    expect(ran).toBe(false);
    expect(error.nextAttemptAt).toBeNull();
    release();
    expect(breaker.state).toBe("closed");
    await expect(breaker.execute(() => "after release")).resolves.toBe("after release");
  });

  it("cockatiel: isolations are counted, the breaker closes only when the last one is released (a release is idempotent)", () => {
    const { breaker } = setup();
    const first = breaker.isolate();
    const second = breaker.isolate();
    first();
    first();
    expect(breaker.state).toBe("open");
    second();
    expect(breaker.state).toBe("closed");
  });

  it("opossum close()/resilience4j reset(): reset() closes an open breaker and forgets past failures", async () => {
    const { breaker, fail } = setup({ failureThreshold: 3 });
    await fail(3);
    expect(breaker.state).toBe("open");
    breaker.reset();
    expect(breaker.state).toBe("closed");
    await fail(2);
    expect(breaker.state).toBe("closed");
    await fail(1);
    expect(breaker.state).toBe("open");
  });

  it("reset() also lifts every isolation; differs from cockatiel, which has no reset, because a restored isolated breaker needs a way out", () => {
    const { breaker } = setup();
    breaker.isolate();
    breaker.isolate();
    breaker.reset();
    expect(breaker.state).toBe("closed");
    expect(breaker.stats.isolated).toBe(false);
  });
});

describe("peer scenarios: serialised state (cockatiel toJSON/initialState, opossum toJSON/state)", () => {
  const roundTrip = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

  it("an open breaker restored from its JSON stays open until the same next attempt time", async () => {
    const { clock, breaker, fail } = setup();
    await fail(2);
    await clock.advance(400);
    const restored = circuitBreaker({ clock, initialState: roundTrip(breaker.toJSON()) });
    expect(restored.state).toBe("open");
    expect((await rejection(restored.execute(() => "x"))).nextAttemptAt).toBe(1_000);
    await clock.advance(600);
    expect(restored.state).toBe("half-open");
    await expect(restored.execute(() => "probe")).resolves.toBe("probe");
    expect(restored.state).toBe("closed");
  });

  it("a closed breaker's failure count survives the round trip", async () => {
    const { clock, breaker, fail } = setup({ failureThreshold: 3 });
    await fail(2);
    const restored = circuitBreaker({
      clock,
      failureThreshold: 3,
      initialState: roundTrip(breaker.toJSON()),
    });
    expect(restored.state).toBe("closed");
    await restored.tryExecute(down);
    expect(restored.state).toBe("open");
  });

  it("differs from opossum (which restores a halfOpen flag): a half-open breaker is saved as open with an expired wait, because an in-flight probe cannot be carried to another process", async () => {
    const { clock, breaker, fail } = setup();
    await fail(2);
    await clock.advance(1_500);
    expect(breaker.state).toBe("half-open");
    const saved = breaker.toJSON();
    expect(saved).toMatchObject({ state: "open", nextAttemptAt: 1_500 });
    const restored = circuitBreaker({ clock, initialState: roundTrip(saved) });
    expect(restored.state).toBe("half-open");
  });

  it("an isolated breaker is restored isolated", async () => {
    const { clock, breaker } = setup();
    breaker.isolate();
    const restored = circuitBreaker({ clock, initialState: roundTrip(breaker.toJSON()) });
    await clock.advance(60_000);
    expect(restored.state).toBe("open");
    expect(restored.stats.isolated).toBe(true);
  });

  it("ours: malformed saved state is a ConfigError naming initialState, not ignored, because silently starting closed would hide a corrupt store", () => {
    const attempt = () => circuitBreaker({ initialState: { version: 2 } as never });
    expect(attempt).toThrow(ConfigError);
    expect(attempt).toThrow(/initialState/);
  });
});
