// Fleet rate limiting through one redis-server: our store vs rate-limiter-flexible
// (RateLimiterRedis) and Bottleneck (ioredis datastore). For 1 and 4 processes, every variant
// runs in fresh processes, all processes of a variant at once; rounds rotate the order. Prints
// admitted acquires/s (summed over the processes), p50/p99 acquire latency, and client CPU and Redis
// command time per acquire (less noisy than throughput on a shared machine), medians over rounds,
// the machine load, and one verdict line per goal for ours exact and ours with local leases.
import { execFileSync, spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import { fileURLToPath } from "node:url";
import { Redis } from "ioredis";

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
/** Process counts to measure; `BENCH_PROCESSES=1` runs the single-process comparison alone. */
const PROCESSES = (process.env["BENCH_PROCESSES"] ?? "1,4").split(",").map(Number);
/**
 * `BENCH_PIN=r/w` pins redis-server to CPU r and every worker to CPU w (taskset): `0/0` puts
 * both on one core, `0/1` on two. Unset: the scheduler places them (what users get).
 */
const PIN = ((pin) => {
  if (pin === undefined || pin === "") return undefined;
  if (!/^\d+\/\d+$/.test(pin)) throw new Error(`BENCH_PIN must be r/w (CPU numbers), got ${pin}`);
  return pin.split("/");
})(process.env["BENCH_PIN"]);

interface Sample {
  perSecond: number;
  p50: number;
  p99: number;
  /** Client CPU (all processes) and Redis command time, µs per admitted acquire. */
  clientUs: number;
  redisUs: number;
}

/** Total µs Redis spent in commands (INFO commandstats), the INFO calls themselves left out. */
const redisBusyUs = async (admin: Redis): Promise<number> => {
  const stats = await admin.info("commandstats");
  let total = 0;
  for (const [, name, usec] of stats.matchAll(/cmdstat_([\w|]+):calls=\d+,usec=(\d+)/g))
    if (name !== "info") total += Number(usec);
  return total;
};

const quantile = (values: number[], q: number): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] ?? NaN;
};

const runWorker = (variant: string, url: string, prefix: string) =>
  new Promise<{ admitted: number; warmup: number; cpuUs: number; latencies: number[] }>(
    (resolve, reject) => {
      const node = [process.execPath, "--conditions=@peak/source", "--import", "tsx", WORKER];
      const [command, ...args] = PIN === undefined ? node : ["taskset", "-c", PIN[1]!, ...node];
      const child = spawn(command!, args, {
        env: {
          ...process.env,
          VARIANT: variant,
          REDIS_URL: url,
          PREFIX: prefix,
          TIME_MS: String(TIME_MS),
        },
        stdio: ["ignore", "pipe", "inherit"],
      });
      let out = "";
      child.stdout.on("data", (chunk: Buffer) => (out += chunk.toString()));
      child.once("exit", (code) =>
        code === 0 ? resolve(JSON.parse(out)) : reject(new Error(`${variant} exited ${code}`)),
      );
    },
  );

const sample = async (
  variant: string,
  admin: Redis,
  url: string,
  processes: number,
): Promise<Sample> => {
  const prefix = `bench-${randomUUID()}`;
  const busyBefore = await redisBusyUs(admin);
  const results = await Promise.all(
    Array.from({ length: processes }, () => runWorker(variant, url, prefix)),
  );
  // Redis time over warm-up and measured acquires (and the workers' connection set-up).
  const busy = (await redisBusyUs(admin)) - busyBefore;
  const latencies = results.flatMap((r) => r.latencies);
  const admitted = results.reduce((sum, r) => sum + r.admitted, 0);
  return {
    perSecond: (admitted / TIME_MS) * 1_000,
    p50: quantile(latencies, 0.5),
    p99: quantile(latencies, 0.99),
    clientUs: results.reduce((sum, r) => sum + r.cpuUs, 0) / admitted,
    redisUs: busy / results.reduce((sum, r) => sum + r.admitted + r.warmup, 0),
  };
};

const median = (values: number[]) => quantile(values, 0.5);

/** Runs the comparison against the redis-server at `url` and prints the table and verdicts. */
export const rateLimitBench = async (url: string): Promise<void> => {
  const admin = new Redis(url);
  if (PIN !== undefined) {
    const pid = /process_id:(\d+)/.exec(await admin.info("server"))?.[1] ?? "";
    execFileSync("taskset", ["-cp", PIN[0]!, pid], { stdio: "ignore" });
  }
  const placement = PIN === undefined ? "" : `, Redis on CPU ${PIN[0]}, workers on CPU ${PIN[1]}`;
  for (const processes of PROCESSES) {
    const samples = new Map<string, Sample[]>();
    for (let round = 0; round < ROUNDS; round += 1) {
      const shift = round % VARIANTS.length;
      const order = [...VARIANTS.slice(shift), ...VARIANTS.slice(0, shift)];
      for (const variant of order)
        samples.set(variant, [
          ...(samples.get(variant) ?? []),
          await sample(variant, admin, url, processes),
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
            clientUs: median(s.map((x) => x.clientUs)),
            redisUs: median(s.map((x) => x.redisUs)),
          },
        ];
      }),
    );
    console.log(
      `3. rate limit, ${processes} process(es) x 8 concurrent acquires, ${ROUNDS} interleaved rounds x ${TIME_MS} ms, rotated${placement} (${load()})`,
    );
    for (const [variant, s] of summary) {
      console.log(
        `  ${variant.padEnd(22)} ${s.perSecond.toFixed(0).padStart(7)} acquires/s  p50 ${s.p50.toFixed(2)} ms  p99 ${s.p99.toFixed(2)} ms  client ${s.clientUs.toFixed(1)} µs, Redis ${s.redisUs.toFixed(1)} µs per acquire`,
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
      "    for 4 processes, exact and through a Redis kill/restart, and with leases, within the limit (the peers promise none)",
  );
  admin.disconnect();
};
