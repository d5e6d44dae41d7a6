// Benchmarks (not tests): pnpm --filter @peak/repro bench
// Peers run side by side in one process; the order rotates every round; medians are printed.
import { createHash } from "node:crypto";
import { createRng, stableHash } from "../src/index";

type Case = { name: string; run: () => unknown };

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** Runs each case `iterations` times per round, rotating the order, and returns ms per op. */
const compare = (cases: Case[], rounds: number, iterations: number): Map<string, number> => {
  const samples = new Map(cases.map((c) => [c.name, [] as number[]]));
  let sink: unknown;
  for (let round = 0; round < rounds + 2; round++) {
    for (let k = 0; k < cases.length; k++) {
      const c = cases[(round + k) % cases.length]!;
      const start = performance.now();
      for (let i = 0; i < iterations; i++) sink = c.run();
      const perOp = (performance.now() - start) / iterations;
      if (round >= 2) samples.get(c.name)!.push(perOp); // first two rounds are warm-up
    }
  }
  if (sink === Symbol.for("never")) console.log(sink);
  return new Map([...samples].map(([name, xs]) => [name, median(xs)]));
};

/** A ~1 MB strategy-sweep config: nested objects, numeric arrays, strings, mixed floats. */
const buildConfig = () => {
  const rng = createRng("bench-config");
  const strategies = Array.from({ length: 1_850 }, (_, i) => ({
    name: `strategy_${i}`,
    symbol: ["BTC/USDT", "ETH/USDT", "SOL/USDT"][i % 3],
    enabled: i % 7 !== 0,
    params: {
      fast_period: rng.int(2, 50),
      slow_period: rng.int(50, 200),
      threshold: rng.next() * 3,
    },
    weights: Array.from({ length: 24 }, () => Math.round(rng.next() * 1e6) / 1e6),
    tags: ["momentum", "mean-reversion", "breakout"].slice(0, 1 + (i % 3)),
    risk: { max_drawdown: 0.25, stop_loss: rng.next() / 10, sizing: { kind: "kelly", cap: 0.5 } },
    notes: `Sweep ${i} — généré automatiquement`,
  }));
  return { version: 3, seed: 42, data: { source: "binance", timeframe: "1h" }, strategies };
};

const config = buildConfig();
const bytes = Buffer.byteLength(JSON.stringify(config));
const jsonSha = () => createHash("sha256").update(JSON.stringify(config)).digest("hex");

const hashing = compare(
  [
    { name: "stableHash (RFC 8785 + SHA-256)", run: () => stableHash(config) },
    { name: "JSON.stringify + SHA-256", run: jsonSha },
  ],
  15,
  10,
);
console.log(`config size: ${(bytes / 1e6).toFixed(2)} MB`);
for (const [name, ms] of hashing) console.log(`${name.padEnd(34)} ${ms.toFixed(2)} ms/op (median)`);
const ratio =
  hashing.get("stableHash (RFC 8785 + SHA-256)")! / hashing.get("JSON.stringify + SHA-256")!;
console.log(`ratio stableHash / (JSON.stringify + SHA-256): ${ratio.toFixed(2)}x (goal < 1.5x)`);

const N = 1_000_000;
const rng = createRng(1);
const draws = compare(
  [
    {
      name: "rng.next()",
      run: () => {
        let s = 0;
        for (let i = 0; i < N; i++) s += rng.next();
        return s;
      },
    },
    {
      name: "Math.random()",
      run: () => {
        let s = 0;
        for (let i = 0; i < N; i++) s += Math.random();
        return s;
      },
    },
    {
      name: "rng.int(1, 6)",
      run: () => {
        let s = 0;
        for (let i = 0; i < N; i++) s += rng.int(1, 6);
        return s;
      },
    },
  ],
  11,
  1,
);
console.log("");
for (const [name, ms] of draws) {
  console.log(`${name.padEnd(34)} ${(N / ms / 1e3).toFixed(1)} M draws/s (median)`);
}
const rngRatio = draws.get("rng.next()")! / draws.get("Math.random()")!;
console.log(`ratio rng.next() / Math.random() time: ${rngRatio.toFixed(2)}x`);
