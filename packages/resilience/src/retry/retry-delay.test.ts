import { describe, expect, it } from "vitest";
import { createVirtualClock } from "../time/virtual-clock";
import { retryWithBackoff } from "./retry";

// Only a finite, non-negative number of milliseconds in `retryAfterMs` is a provider's wait.

const delaysFor = async (retryAfterMs: unknown): Promise<number[]> => {
  const clock = createVirtualClock(0);
  const delays: number[] = [];
  let n = 0;
  const retry = retryWithBackoff({
    clock,
    jitter: "none",
    baseDelayMs: 100,
    retryOn: () => true,
    onRetry: (e) => delays.push(e.delayMs),
  });
  const fn = () => (++n === 1 ? Promise.reject({ retryAfterMs } as unknown as Error) : "ok");
  const done = retry.execute(fn);
  await clock.runAll();
  await done;
  return delays;
};

describe("a provider's wait in retryAfterMs", () => {
  it("is taken when it is a finite number of milliseconds", async () => {
    expect(await delaysFor(5_000)).toEqual([5_000]);
  });

  it.each([["5000"], [Infinity], [Number.NaN], [-5], [null], [undefined]])(
    "is ignored for %j, leaving the backoff",
    async (value) => {
      expect(await delaysFor(value)).toEqual([100]);
    },
  );
});
