// The @peak/resilience tasks of each scenario, built from an entry module so the same set-up
// can be run against the current source and an earlier copy (BENCH_BASELINE).
import type * as Entry from "../src/index";
import { loop, loopCatch, type Task } from "./task";

/** The part of the package entry the benchmark uses. */
export type OurApi = Pick<typeof Entry, "circuitBreaker" | "retryWithBackoff" | "timeout" | "wrap">;

/** The functions under test: a passing call, a flaky one and the error it throws. */
export interface Calls {
  call: (context: { signal: AbortSignal }) => Promise<number>;
  flaky: (context: { signal: AbortSignal }) => Promise<number>;
  failure: Error;
}

const HUGE = 1e9;
const noop = (): void => undefined;

/** Tasks (a)–(d) for the package entry `api`, labelled `lib`. */
export const ourTasks = async (lib: string, api: OurApi, B: number, c: Calls): Promise<Task[]> => {
  const closed = api.circuitBreaker({ failureThreshold: HUGE, recoveryTimeoutMs: HUGE });
  const open = api.circuitBreaker({ failureThreshold: 1, recoveryTimeoutMs: HUGE });
  await open.execute(() => Promise.reject(c.failure)).catch(noop);
  const retry = api.retryWithBackoff({ maxAttempts: 3, baseDelayMs: 0, jitter: "none" });
  const breaker = api.circuitBreaker({ failureThreshold: HUGE });
  const chain = api.wrap(retry, breaker, api.timeout(10_000));
  return [
    { scenario: "a", lib, batch: B, run: loop(B, () => closed.execute(c.call)) },
    { scenario: "b", lib, batch: B, run: loopCatch(B, () => open.execute(c.call)) },
    {
      scenario: "b",
      lib: `${lib} tryExecute`,
      batch: B,
      run: loop(B, () => open.tryExecute(c.call)),
    },
    { scenario: "c", lib, batch: B, run: loop(B, () => retry.execute(c.flaky)) },
    { scenario: "d", lib, batch: B, run: loop(B, () => chain.execute(c.call)) },
  ];
};
