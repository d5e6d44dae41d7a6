// Matched set-ups of @peak/resilience, cockatiel 4 and opossum 10 for bench/run.ts. Every
// wrapped function reads its signal (as `fetch(url, { signal })` would), so lazily created
// signals are paid for here exactly as in real use.
import { ProviderError } from "@peak/errors";
import * as cockatiel from "cockatiel";
import Opossum from "opossum";
import * as current from "../src/index";
import { ourTasks, type OurApi } from "./our-tasks";
import { loop, loopCatch, okValue, type Task } from "./task";

const noop = (): void => undefined;
const failure = new ProviderError("flaky");
const HUGE = 1e9;

// A call that looks at its signal first, as an I/O client does.
const call = ({ signal }: { signal: AbortSignal }): Promise<number> =>
  signal.aborted ? Promise.reject(signal.reason as Error) : okValue;
let flips = 0;
// Fails on every odd call and succeeds on every even one: "succeeds on the second attempt".
const flaky = (context: { signal: AbortSignal }): Promise<number> =>
  flips++ % 2 === 0 ? Promise.reject(failure) : call(context);

const shutdowns: (() => void)[] = [];

// opossum has no per-call signal: the function reads the breaker-wide one it was given.
const opossum = (lean: boolean, extra: Record<string, unknown> = {}) => {
  const controller = new AbortController();
  const options = lean
    ? { timeout: false as const, rollingPercentilesEnabled: false, enableSnapshots: false }
    : {};
  const fn = () => call(controller);
  const all = { resetTimeout: HUGE, abortController: controller, ...options, ...extra };
  const breaker = new Opossum(fn, all);
  shutdowns.push(() => breaker.shutdown());
  return breaker;
};

const cockatielBreaker = (threshold = HUGE) =>
  cockatiel.circuitBreaker(cockatiel.handleAll, {
    halfOpenAfter: HUGE,
    breaker: new cockatiel.ConsecutiveBreaker(threshold),
  });

const peerTasks = async (B: number): Promise<Task[]> => {
  const cockOpen = cockatielBreaker(1);
  await cockOpen.execute(() => Promise.reject(failure)).catch(noop);
  const opLeanOpen = opossum(true);
  const opDefaultOpen = opossum(false);
  opLeanOpen.open();
  opDefaultOpen.open();
  // cockatiel counts retries in maxAttempts: 2 retries = 3 attempts, as ours.
  const cockRetry = cockatiel.retry(cockatiel.handleAll, {
    maxAttempts: 2,
    backoff: new cockatiel.ConstantBackoff(0),
  });
  const cockChain = cockatiel.wrap(
    cockRetry,
    cockatielBreaker(),
    cockatiel.timeout(10_000, cockatiel.TimeoutStrategy.Cooperative),
  );
  const cock = cockatielBreaker();
  const opLean = opossum(true);
  const opDefault = opossum(false);
  const opChain = opossum(true, { timeout: 10_000 });
  return [
    { scenario: "a", lib: "cockatiel", batch: B, run: loop(B, () => cock.execute(call)) },
    { scenario: "a", lib: "opossum (lean)", batch: B, run: loop(B, () => opLean.fire()) },
    { scenario: "a", lib: "opossum (defaults)", batch: B, run: loop(B, () => opDefault.fire()) },
    { scenario: "b", lib: "cockatiel", batch: B, run: loopCatch(B, () => cockOpen.execute(call)) },
    { scenario: "b", lib: "opossum (lean)", batch: B, run: loopCatch(B, () => opLeanOpen.fire()) },
    {
      scenario: "b",
      lib: "opossum (defaults)",
      batch: B,
      run: loopCatch(B, () => opDefaultOpen.fire()),
    },
    // cockatiel always sleeps on a real timer, even for 0 ms (Node clamps it to 1 ms).
    { scenario: "c", lib: "cockatiel", batch: 2, run: loop(2, () => cockRetry.execute(flaky)) },
    { scenario: "d", lib: "cockatiel", batch: B, run: loop(B, () => cockChain.execute(call)) },
    {
      scenario: "d",
      lib: "opossum (breaker+timeout)",
      batch: B,
      run: loop(B, () => opChain.fire()),
    },
  ];
};

/**
 * Builds every task, with breakers for scenario (b) opened. `baseline`: the entry module of
 * an earlier copy of this package, benchmarked as "@peak/resilience (before)" in the same
 * rounds, so a before/after comparison sees the same machine noise.
 */
export const buildTasks = async (
  B: number,
  baseline?: OurApi,
): Promise<{ tasks: Task[]; shutdown: () => void }> => {
  const ok = (): Promise<number> => okValue;
  const tasks: Task[] = [
    { scenario: "baseline", lib: "await ok()", batch: B, run: loop(B, ok) },
    ...(await ourTasks("@peak/resilience", current, B, { call, flaky, failure })),
    ...(baseline === undefined
      ? []
      : await ourTasks("@peak/resilience (before)", baseline, B, { call, flaky, failure })),
    { scenario: "b", lib: "(floor: await reject().catch())", batch: B, run: loopCatch(B, fail) },
    ...(await peerTasks(B)),
  ];
  return { tasks, shutdown: () => shutdowns.forEach((s) => s()) };
};

const fail = (): Promise<never> => Promise.reject(failure);
