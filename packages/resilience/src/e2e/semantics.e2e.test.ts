import { describe, expect, it } from "vitest";
import { runScenario } from "./run-scenario";

// Issue 14 end to end: each point once more in a child process on real short timers.
describe("issue 14 semantics on real timers (child process)", () => {
  it("closes the breaker on probes slower than the recovery timeout (point 1)", async () => {
    expect(await runScenario("slowProbe")).toEqual({ states: Array(5).fill("closed") });
  });

  it("retries real reset connections by default and gives up on a refused one (point 2)", async () => {
    expect(await runScenario("networkErrors")).toEqual({
      body: "ok",
      attempts: [1, 2, 3],
      refused: { reason: "max-attempts", attempts: 3 },
    });
  });

  it("waits a real Retry-After in full or gives up at once (point 3)", async () => {
    expect(await runScenario("retryAfter")).toEqual({
      reason: "retry-after",
      gaveUpSoon: true,
      body: "ok",
      waitedFull: true,
    });
  });

  it("waits for a timed-out call in cooperative mode, not in aggressive mode (point 4)", async () => {
    expect(await runScenario("timeoutModes")).toEqual([
      "cooperative executed",
      "cooperative returned cooperative",
      "aggressive returned TimeoutError",
      "aggressive executed",
    ]);
  });

  it("rejects a typo in options with a suggestion (point 5)", async () => {
    expect(await runScenario("typo")).toEqual({
      thrown: true,
      name: "ConfigError",
      hint: "Did you mean `failureThreshold`?",
    });
  });

  it("aborts 10,000 retries sharing one signal without a listener warning (point 6)", async () => {
    expect(await runScenario("sharedSignal")).toEqual({ aborted: true, warnings: [] });
  });
});
