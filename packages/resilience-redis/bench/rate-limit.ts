// Fleet rate limiting through one redis-server: our store vs rate-limiter-flexible
// (RateLimiterRedis) and Bottleneck (ioredis datastore). For 1 and 4 processes, every variant
// runs in fresh processes, all processes of a variant at once; rounds rotate the order. Prints
// admitted acquires/s (summed over the processes) and p50/p99 acquire latency, medians over rounds.
import { spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import { fileURLToPath } from "node:url";

const WORKER = fileURLToPath(new URL("./rate-worker.ts", import.meta.url));
const VARIANTS = ["peak", "rate-limiter-flexible", "bottleneck"] as const;
const ROUNDS = Number(process.env["BENCH_ROUNDS"] ?? 5);
const TIME_MS = Number(process.env["BENCH_TIME_MS"] ?? 1_000);

interface Sample {
  perSecond: number;
  p50: number;
  p99: number;
}

const quantile = (values: number[], q: number): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] ?? NaN;
};

const runWorker = (variant: string, url: string, prefix: string) =>
  new Promise<{ admitted: number; latencies: number[] }>((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ["--conditions=@peak/source", "--import", "tsx", WORKER],
      {
        env: {
          ...process.env,
          VARIANT: variant,
          REDIS_URL: url,
          PREFIX: prefix,
          TIME_MS: String(TIME_MS),
        },
        stdio: ["ignore", "pipe", "inherit"],
      },
    );
    let out = "";
    child.stdout.on("data", (chunk: Buffer) => (out += chunk.toString()));
    child.once("exit", (code) =>
      code === 0 ? resolve(JSON.parse(out)) : reject(new Error(`${variant} exited ${code}`)),
    );
  });

const sample = async (variant: string, url: string, processes: number): Promise<Sample> => {
  const prefix = `bench-${randomUUID()}`;
  const results = await Promise.all(
    Array.from({ length: processes }, () => runWorker(variant, url, prefix)),
  );
  const latencies = results.flatMap((r) => r.latencies);
  const admitted = results.reduce((sum, r) => sum + r.admitted, 0);
  return {
    perSecond: (admitted / TIME_MS) * 1_000,
    p50: quantile(latencies, 0.5),
    p99: quantile(latencies, 0.99),
  };
};

const median = (values: number[]) => quantile(values, 0.5);

/** Runs the comparison against the redis-server at `url` and prints the table and verdicts. */
export const rateLimitBench = async (url: string): Promise<void> => {
  for (const processes of [1, 4]) {
    const samples = new Map<string, Sample[]>();
    for (let round = 0; round < ROUNDS; round += 1) {
      const order = [...VARIANTS.slice(round % 3), ...VARIANTS.slice(0, round % 3)];
      for (const variant of order)
        samples.set(variant, [
          ...(samples.get(variant) ?? []),
          await sample(variant, url, processes),
        ]);
    }
    const summary = new Map(
      VARIANTS.map((v) => {
        const s = samples.get(v) ?? [];
        return [
          v,
          {
            perSecond: median(s.map((x) => x.perSecond)),
            p50: median(s.map((x) => x.p50)),
            p99: median(s.map((x) => x.p99)),
          },
        ];
      }),
    );
    console.log(
      `3. rate limit, ${processes} process(es) x 8 concurrent acquires, ${ROUNDS} rounds x ${TIME_MS} ms, rotated`,
    );
    for (const [variant, s] of summary) {
      console.log(
        `  ${variant.padEnd(22)} ${s.perSecond.toFixed(0).padStart(7)} acquires/s  p50 ${s.p50.toFixed(2)} ms  p99 ${s.p99.toFixed(2)} ms`,
      );
    }
    const ours = summary.get("peak")!;
    for (const peer of ["rate-limiter-flexible", "bottleneck"]) {
      const theirs = summary.get(peer)!;
      const faster = ours.perSecond >= theirs.perSecond;
      const lowerP99 = ours.p99 < theirs.p99;
      console.log(
        `  verdict vs ${peer}: throughput ${(ours.perSecond / theirs.perSecond).toFixed(2)}x (${faster ? "met" : "MISSED"}), p99 ${(ours.p99 / theirs.p99).toFixed(2)}x (${lowerP99 ? "met" : "MISSED"})`,
      );
    }
  }
  console.log(
    "  budget under a Redis outage: held by src/rate-limit/fleet.test.ts (the peers promise none)",
  );
};
