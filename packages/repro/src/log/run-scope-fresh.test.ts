import { describe, expect, it } from "vitest";
import { configRefusal } from "../__fixtures__/refusal";
import { ReproContext } from "../context/repro-context";
import { pinoMixin, runLogFields } from "./log-fields";
import { currentRun, currentTraceId, withRun, withTrace } from "./run-scope";

// Each test file runs in a fresh module graph, so the first test sees no scope storage yet.
describe("run scope before and outside any scope", () => {
  it("reads undefined before any scope was ever opened", () => {
    expect(currentRun()).toBeUndefined();
    expect(currentTraceId()).toBeUndefined();
    expect(Object.keys(runLogFields())).toEqual([]);
  });

  it("opens a trace outside any run, with no run in it", () => {
    const seen = withTrace("t-1", () => ({ run: currentRun(), trace: currentTraceId() }));
    expect(seen).toEqual({ run: undefined, trace: "t-1" });
    expect(withTrace("t-2", () => Object.keys(pinoMixin()))).toEqual(["traceId"]);
  });

  it("leaves out the trace id inside a run without a trace", () => {
    const ctx = ReproContext.createSync({ seed: 1, gitSha: null });
    expect(withRun(ctx, () => Object.keys(runLogFields()))).toEqual(["runId"]);
  });

  it.each([[""], [5], [undefined]])("rejects the trace id %o, naming it", (traceId) => {
    expect(configRefusal(() => withTrace(traceId as string, () => undefined))).toMatchObject({
      message: "withTrace(traceId, fn) needs a non-empty string",
      hint: "Pass an id such as createTraceId()",
      context: { traceId: String(traceId) },
    });
  });
});
