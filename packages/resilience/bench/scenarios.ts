// Matched set-ups of @peak/resilience, cockatiel 4 and opossum 10 for bench/run.ts.
import { ProviderError } from "@peak/errors";
import * as cockatiel from "cockatiel";
import Opossum from "opossum";
import { circuitBreaker, retryWithBackoff, timeout, wrap } from "../src/index";

/** One benchmark task: `run` performs `batch` awaited calls. */
export interface Task {
  scenario: "baseline" | "a" | "b" | "c" | "d";
  lib: string;
  batch: number;
  run: () => Promise<void>;
}

const noop = (): void => undefined;
const okValue = Promise.resolve(42);
const ok = (): Promise<number> => okValue;
const failure = new ProviderError("flaky");
let flips = 0;
// Fails on every odd call and succeeds on every even one: "succeeds on the second attempt".
const flaky = (): Promise<number> => (flips++ % 2 === 0 ? Promise.reject(failure) : okValue);

const loop = (batch: number, call: () => Promise<unknown>) => async () => {
  for (let i = 0; i < batch; i += 1) await call();
};
const loopCatch = (batch: number, call: () => Promise<unknown>) => async () => {
  for (let i = 0; i < batch; i += 1) await call().catch(noop);
};

const HUGE = 1e9;
const openers: (() => void)[] = [];
const shutdowns: (() => void)[] = [];

const opossum = (lean: boolean, fn: () => Promise<number>, extra: Record<string, unknown> = {}) => {
  const options = lean
    ? { timeout: false as const, rollingPercentilesEnabled: false, enableSnapshots: false }
    : {};
  const breaker = new Opossum(fn, { resetTimeout: HUGE, ...options, ...extra });
  shutdowns.push(() => breaker.shutdown());
  return breaker;
};

const cockatielBreaker = () =>
  cockatiel.circuitBreaker(cockatiel.handleAll, {
    halfOpenAfter: HUGE,
    breaker: new cockatiel.ConsecutiveBreaker(HUGE),
  });

/** Builds every task, with breakers for scenario (b) opened. */
export const buildTasks = async (B: number): Promise<{ tasks: Task[]; shutdown: () => void }> => {
  const ours = circuitBreaker({ failureThreshold: HUGE, recoveryTimeoutMs: HUGE });
  const ourOpen = circuitBreaker({ failureThreshold: 1, recoveryTimeoutMs: HUGE });
  const cockOpen = cockatiel.circuitBreaker(cockatiel.handleAll, {
    halfOpenAfter: HUGE,
    breaker: new cockatiel.ConsecutiveBreaker(1),
  });
  const opLeanOpen = opossum(true, ok);
  const opDefaultOpen = opossum(false, ok);
  openers.push(
    () => opLeanOpen.open(),
    () => opDefaultOpen.open(),
  );
  await ourOpen.execute(() => Promise.reject(failure)).catch(noop);
  await cockOpen.execute(() => Promise.reject(failure)).catch(noop);
  for (const open of openers) open();

  const ourRetry = retryWithBackoff({ maxAttempts: 3, baseDelayMs: 0, jitter: "none" });
  // cockatiel counts retries in maxAttempts: 2 retries = 3 attempts, as ours.
  const cockRetry = cockatiel.retry(cockatiel.handleAll, {
    maxAttempts: 2,
    backoff: new cockatiel.ConstantBackoff(0),
  });
  const ourChain = wrap(ourRetry, circuitBreaker({ failureThreshold: HUGE }), timeout(10_000));
  const cockChain = cockatiel.wrap(
    cockRetry,
    cockatielBreaker(),
    cockatiel.timeout(10_000, cockatiel.TimeoutStrategy.Cooperative),
  );
  const cock = cockatielBreaker();
  const opLean = opossum(true, ok);
  const opDefault = opossum(false, ok);
  const opChain = opossum(true, ok, { timeout: 10_000 });

  const tasks: Task[] = [
    { scenario: "baseline", lib: "await ok()", batch: B, run: loop(B, ok) },
    { scenario: "a", lib: "@peak/resilience", batch: B, run: loop(B, () => ours.execute(ok)) },
    { scenario: "a", lib: "cockatiel", batch: B, run: loop(B, () => cock.execute(ok)) },
    { scenario: "a", lib: "opossum (lean)", batch: B, run: loop(B, () => opLean.fire()) },
    { scenario: "a", lib: "opossum (defaults)", batch: B, run: loop(B, () => opDefault.fire()) },
    {
      scenario: "b",
      lib: "@peak/resilience",
      batch: B,
      run: loopCatch(B, () => ourOpen.execute(ok)),
    },
    {
      scenario: "b",
      lib: "@peak/resilience tryExecute",
      batch: B,
      run: loop(B, () => ourOpen.tryExecute(ok)),
    },
    {
      scenario: "b",
      lib: "(floor: await reject().catch())",
      batch: B,
      run: loopCatch(B, () => Promise.reject(failure)),
    },
    { scenario: "b", lib: "cockatiel", batch: B, run: loopCatch(B, () => cockOpen.execute(ok)) },
    { scenario: "b", lib: "opossum (lean)", batch: B, run: loopCatch(B, () => opLeanOpen.fire()) },
    {
      scenario: "b",
      lib: "opossum (defaults)",
      batch: B,
      run: loopCatch(B, () => opDefaultOpen.fire()),
    },
    {
      scenario: "c",
      lib: "@peak/resilience",
      batch: B,
      run: loop(B, () => ourRetry.execute(flaky)),
    },
    // cockatiel always sleeps on a real timer, even for 0 ms (Node clamps it to 1 ms).
    { scenario: "c", lib: "cockatiel", batch: 2, run: loop(2, () => cockRetry.execute(flaky)) },
    { scenario: "d", lib: "@peak/resilience", batch: B, run: loop(B, () => ourChain.execute(ok)) },
    { scenario: "d", lib: "cockatiel", batch: B, run: loop(B, () => cockChain.execute(ok)) },
    {
      scenario: "d",
      lib: "opossum (breaker+timeout)",
      batch: B,
      run: loop(B, () => opChain.fire()),
    },
  ];
  return { tasks, shutdown: () => shutdowns.forEach((s) => s()) };
};
