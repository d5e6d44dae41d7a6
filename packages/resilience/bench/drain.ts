// 10,000 queued waiters on limit 100 per 20 ms, drained on real timers, interleaved with a
// reference drain of the same 100 batches by plain absolute-time timers (setTimeout to
// start + k·W, which cannot drift by construction). The reference measures what this machine
// does to any timer: how late one fires, and how much time the process is not run at all (a VM
// stealing a few ms now and then). A window that follows real admission times must carry such
// a stall forward (admitting the next batch earlier would put limit + 1 calls in some window),
// so the limiter's own drift is the part the stalls do not explain: its median lateness per
// window, summed over the windows.
import { loadavg } from "node:os";
import { rateLimiter } from "../src/index";

const N = 10_000;
const LIMIT = 100;
const W = 20;
const WINDOWS = N / LIMIT;
const ROUNDS = Number(process.env.BENCH_DRAINS ?? 3);

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) / 2)] ?? NaN;
};
const p99 = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length * 0.99)] ?? NaN;
};
const f = (n: number) => `${n.toFixed(2)} ms`;

// Booked cold (interpreted), 10,000 calls take longer than one window: compile the path first.
const warmUp = async (): Promise<void> => {
  const limiter = rateLimiter({ limit: 1_000, intervalMs: 5, maxWaitMs: 60_000 });
  await Promise.all(Array.from({ length: N }, () => limiter.acquire()));
};

interface Drain {
  /** Per waiter (per batch for the reference): how late after the moment it was allowed. */
  lateness: number[];
  /** Lateness of the last batch minus that of the first after booking. */
  drift: number;
}

const oursOnce = async (): Promise<Drain> => {
  const limiter = rateLimiter({ limit: LIMIT, intervalMs: W, maxWaitMs: 60_000 });
  const start = performance.now();
  const at: number[] = [];
  const calls = Array.from({ length: N }, (_, i) =>
    limiter.acquire().then(() => (at[i] = performance.now())),
  );
  const booked = performance.now() - start;
  await Promise.all(calls);
  const ideal = (i: number) => start + Math.floor(i / LIMIT) * W;
  // Slots that passed while the calls were still being booked are left out.
  const after = [...Array(N).keys()].filter((i) => i >= LIMIT && ideal(i) - start > booked + W);
  // Waiter i may run once waiter i - LIMIT has left the window (real admission times).
  const lateness = after.map((i) => at[i]! - (at[i - LIMIT]! + W));
  const vsIdeal = after.map((i) => at[i]! - ideal(i));
  return { lateness, drift: (vsIdeal.at(-1) ?? NaN) - (vsIdeal[0] ?? NaN) };
};

const referenceOnce = async (): Promise<Drain> => {
  const start = performance.now();
  const lateness = await Promise.all(
    Array.from(
      { length: WINDOWS - 1 },
      (_, k) =>
        new Promise<number>((resolve) => {
          const due = start + (k + 1) * W;
          setTimeout(() => resolve(performance.now() - due), due - performance.now());
        }),
    ),
  );
  return { lateness, drift: (lateness.at(-1) ?? NaN) - (lateness[0] ?? NaN) };
};

/** Runs the interleaved drains and prints the figures and the verdict. */
export const drain = async (): Promise<void> => {
  await warmUp();
  const ours: Drain[] = [];
  const reference: Drain[] = [];
  for (let round = 0; round < ROUNDS; round += 1) {
    reference.push(await referenceOnce());
    ours.push(await oursOnce());
    const [o, r] = [ours.at(-1)!, reference.at(-1)!];
    console.log(
      `drain ${round + 1}: ours p99 lateness ${f(p99(o.lateness))}, median ${f(median(o.lateness))}, drift ${f(o.drift)}; ` +
        `plain timers p99 ${f(p99(r.lateness))}, max ${f(Math.max(...r.lateness))}, median ${f(median(r.lateness))}`,
    );
  }
  const oursP99 = median(ours.map((d) => p99(d.lateness)));
  const refP99 = median(reference.map((d) => p99(d.lateness)));
  const systematic = median(ours.map((d) => median(d.lateness) * (WINDOWS - 1)));
  const drift = median(ours.map((d) => d.drift));
  console.log(
    `${N} queued waiters, limit ${LIMIT} / ${W} ms, ${ROUNDS} drains interleaved with plain timers; load average ${loadavg()
      .map((n) => n.toFixed(2))
      .join(" ")}`,
  );
  console.log(
    `  total drift (median) ${f(drift)}: stalls of the process are carried forward by any real-time window`,
  );
  const onTime = oursP99 <= Math.max(5, refP99 + 1);
  const noDrift = Math.abs(systematic) <= 5;
  console.log(
    `verdict: on time (p99 lateness ${f(oursP99)} <= max(5 ms, plain timers' p99 ${f(refP99)} + 1 ms)): ${onTime ? "PASS" : "FAIL"}`,
  );
  console.log(
    `verdict: without drift of its own (median lateness per window x ${WINDOWS - 1} windows = ${f(systematic)} <= 5 ms): ${noDrift ? "PASS" : "FAIL"}`,
  );
};
