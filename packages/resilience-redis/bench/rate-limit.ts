// Fleet rate limiting through one redis-server: our store vs rate-limiter-flexible
// (RateLimiterRedis) and Bottleneck (ioredis datastore). For 1 and 4 processes, every variant
// runs in fresh processes, all processes of a variant at once; rounds rotate the order. Prints
// admitted acquires/s (summed over the processes) and p50/p99 acquire latency, medians over rounds,
// the machine load, and one verdict line per goal for ours exact and ours with local leases.
import { execFileSync, spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import { fileURLToPath } from "node:url";

const WORKER = fileURLToPath(new URL("./rate-worker.ts", import.meta.url));
const VARIANTS = ["peak", "peak (leases)", "rate-limiter-flexible", "bottleneck"] as const;
const PEERS = ["rate-limiter-flexible", "bottleneck"] as const;
const OURS = ["peak", "peak (leases)"] as const;
const load = (): string =>
  execFileSync("uptime")
    .toString()
    .trim()
    .replace(/^.*load/, "load");
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
      const shift = round % VARIANTS.length;
      const order = [...VARIANTS.slice(shift), ...VARIANTS.slice(0, shift)];
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
      `3. rate limit, ${processes} process(es) x 8 concurrent acquires, ${ROUNDS} interleaved rounds x ${TIME_MS} ms, rotated (${load()})`,
    );
    for (const [variant, s] of summary) {
      console.log(
        `  ${variant.padEnd(22)} ${s.perSecond.toFixed(0).padStart(7)} acquires/s  p50 ${s.p50.toFixed(2)} ms  p99 ${s.p99.toFixed(2)} ms`,
      );
    }
    for (const variant of OURS) {
      const ours = summary.get(variant)!;
      const ratios = PEERS.map((peer) => [peer, summary.get(peer)!] as const);
      const verdict = (
        what: string,
        ok: (peer: Sample) => boolean,
        ratio: (peer: Sample) => number,
      ) =>
        console.log(
          `  verdict ${variant}, ${what}: ${ratios
            .map(([peer, s]) => `${peer} ${ratio(s).toFixed(2)}x ${ok(s) ? "met" : "MISSED"}`)
            .join(", ")}`,
        );
      verdict(
        "throughput >= peer",
        (p) => ours.perSecond >= p.perSecond,
        (p) => ours.perSecond / p.perSecond,
      );
      verdict(
        "p99 < peer",
        (p) => ours.p99 < p.p99,
        (p) => ours.p99 / p.p99,
      );
    }
  }
  console.log(
    "  verdict fleet never over budget: not measured here (every acquire is admitted); src/rate-limit/fleet.test.ts shows it\n" +
      "    for 4 processes, exact and through a Redis kill/restart, and within limit + 4 x lease size with leases (the peers promise none)",
  );
};
