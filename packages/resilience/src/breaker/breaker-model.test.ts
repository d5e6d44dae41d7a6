import { fc, test } from "@fast-check/vitest";
import { ProviderError } from "@peak/errors";
import { describe, expect } from "vitest";
import { circuitBreaker } from "./circuit-breaker";
import { createVirtualClock } from "../time/virtual-clock";

// A reference model of the breaker's state machine, written as plainly as possible:
// consecutive failures open it; lazy open → half-open after `recovery`; at most `probes`
// probes hold a slot at once, each for `maxHalfOpen` (or `recovery` when that is 0, "no
// limit"); `successes` successful probes close it; a failed probe re-opens it; results of
// calls admitted in an earlier epoch, and of probes that ran `maxHalfOpen` or longer, are
// ignored.
interface Config {
  threshold: number;
  recovery: number;
  probes: number;
  successes: number;
  maxHalfOpen: number;
}
type Outcome = "success" | "failure" | "ignored";

const model = (c: Config) => {
  const m = {
    state: "closed",
    epoch: 0,
    failures: 0,
    openUntil: 0,
    since: 0,
    slots: [] as number[],
    wins: 0,
    rejected: 0,
  };
  const limit = c.maxHalfOpen === 0 ? Infinity : c.maxHalfOpen;
  const lease = c.maxHalfOpen === 0 ? c.recovery : c.maxHalfOpen;
  const open = (now: number) =>
    Object.assign(m, { state: "open", epoch: m.epoch + 1, openUntil: now + c.recovery });
  const close = () => Object.assign(m, { state: "closed", epoch: m.epoch + 1, failures: 0 });
  const refresh = (now: number) => {
    if (m.state === "open" && now >= m.openUntil) {
      Object.assign(m, {
        state: "half-open",
        epoch: m.epoch + 1,
        since: now,
        slots: [],
        wins: 0,
      });
    } else if (m.state === "half-open") {
      m.slots = m.slots.filter((start) => now - start < lease);
    }
  };
  const admit = (now: number): number | null => {
    refresh(now);
    if (m.state === "closed") return m.epoch;
    if (m.state === "half-open" && m.slots.length < c.probes) return (m.slots.push(now), m.epoch);
    m.rejected += 1;
    return null;
  };
  const complete = (epoch: number, start: number, outcome: Outcome, now: number) => {
    refresh(now);
    if (epoch !== m.epoch) return;
    if (m.state === "closed") {
      if (outcome === "success") m.failures = 0;
      if (outcome === "failure" && ++m.failures >= c.threshold) open(now);
    } else if (m.state === "half-open") {
      const slot = m.slots.indexOf(start);
      if (slot >= 0) m.slots.splice(slot, 1);
      if (now - start >= limit) return;
      if (outcome === "failure") open(now);
      if (outcome === "success" && ++m.wins >= c.successes) close();
    }
  };
  return { m, refresh, admit, complete };
};

const config = fc.record({
  threshold: fc.integer({ min: 1, max: 3 }),
  recovery: fc.integer({ min: 1, max: 200 }),
  probes: fc.integer({ min: 1, max: 3 }),
  successes: fc.integer({ min: 1, max: 3 }),
  maxHalfOpen: fc.integer({ min: 0, max: 300 }),
});

const step = fc.oneof(
  fc.constant({ kind: "start" as const }),
  fc.record({
    kind: fc.constant("finish" as const),
    index: fc.nat(),
    outcome: fc.constantFrom<Outcome>("success", "failure", "ignored"),
  }),
  fc.record({ kind: fc.constant("advance" as const), ms: fc.integer({ min: 0, max: 250 }) }),
);

describe("circuitBreaker against a reference model", () => {
  test.prop([config, fc.array(step, { maxLength: 60 })], { numRuns: 400 })(
    "agrees with the model on every state, admission and rejection",
    async (c, steps) => {
      const clock = createVirtualClock(0);
      const breaker = circuitBreaker({
        clock,
        failureThreshold: c.threshold,
        recoveryTimeoutMs: c.recovery,
        halfOpenMaxCalls: c.probes,
        successThreshold: c.successes,
        maxHalfOpenMs: c.maxHalfOpen,
        isFailure: [ProviderError],
      });
      const ref = model(c);
      const running: { epoch: number; start: number; settle: (o: Outcome) => void }[] = [];
      for (const s of steps) {
        if (s.kind === "start") {
          let settle: ((o: Outcome) => void) | undefined;
          const call = breaker.execute(
            () =>
              new Promise((resolve, reject) => {
                settle = (o) =>
                  o === "success"
                    ? resolve(o)
                    : reject(o === "failure" ? new ProviderError(o) : new TypeError(o));
              }),
          );
          void call.catch(() => undefined);
          const epoch = ref.admit(clock.now());
          expect(settle !== undefined).toBe(epoch !== null);
          if (settle && epoch !== null) running.push({ epoch, start: clock.now(), settle });
        } else if (s.kind === "finish" && running.length > 0) {
          const [call] = running.splice(s.index % running.length, 1);
          call?.settle(s.outcome);
          await clock.flush();
          if (call) ref.complete(call.epoch, call.start, s.outcome, clock.now());
        } else if (s.kind === "advance") {
          await clock.advance(s.ms);
        }
        ref.refresh(clock.now());
        expect(breaker.state).toBe(ref.m.state);
        expect(breaker.stats.rejections).toBe(ref.m.rejected);
      }
    },
  );
});
