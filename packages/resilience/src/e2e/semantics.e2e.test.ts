import { describe, expect, it } from "vitest";
import { runScenario } from "./run-scenario";

// Issue 14 end to end: each point once more in a child process on real short timers.
describe("issue 14 semantics on real timers (child process)", () => {
  it("closes the breaker on probes slower than the recovery timeout (point 1)", async () => {
    expect(await runScenario("slowProbe")).toEqual({ states: Array(5).fill("closed") });
  });
});
