// Benchmark: `pnpm --filter @peak/cache bench`. Not a test: prints medians and ratios.
// Peers run side by side in one process; the order rotates each round.
import { createHash } from "node:crypto";
import { mkdtemp, open, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import * as aq from "arquero";
import writeFileAtomic from "write-file-atomic";
import {
  atomicRead,
  atomicReadTable,
  atomicWrite,
  computeChecksum,
  tableFromBytes,
  tableToBytes,
} from "../src/index";

const ROWS = 1_000_000;
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);

const ohlcv = (rows: number) => {
  const start = Date.UTC(2020, 0, 1);
  const close = Float64Array.from(
    { length: rows },
    (_, i) => 100 + Math.sin(i / 50) * 5 + (i % 7) * 0.01,
  );
  return aq.table({
    timestamp: Float64Array.from({ length: rows }, (_, i) => start + i * 60_000),
    open: close.map((c) => c - 0.1),
    high: close.map((c) => c + 0.5),
    low: close.map((c) => c - 0.5),
    close,
    volume: Float64Array.from({ length: rows }, (_, i) => 1000 + (i % 1000)),
  });
};

// The plain baseline writes a fresh file each time (truncating a big existing file costs extra).
let fresh = 0;
const plainWrite = async (path: string, bytes: Uint8Array) => {
  const handle = await open(`${path}.${(fresh += 1)}`, "wx");
  try {
    await handle.writeFile(bytes);
    await handle.sync();
  } finally {
    await handle.close();
  }
};

// A naive cache writer: truncate and rewrite the existing file in place (not crash-safe).
const plainOverwrite = async (path: string, bytes: Uint8Array) => {
  const handle = await open(path, "w");
  try {
    await handle.writeFile(bytes);
    await handle.sync();
  } finally {
    await handle.close();
  }
};

type Case = [name: string, run: () => Promise<unknown>];
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;

const measure = async (title: string, cases: Case[], rounds = ROUNDS) => {
  const times = new Map<string, number[]>(cases.map(([name]) => [name, []]));
  for (const [, run] of cases) await run(); // warm-up
  for (let round = 0; round < rounds; round += 1) {
    for (let i = 0; i < cases.length; i += 1) {
      const [name, run] = cases[(i + round) % cases.length]!;
      const t0 = performance.now();
      await run();
      times.get(name)!.push(performance.now() - t0);
    }
  }
  const base = median(times.get(cases[0]![0])!);
  for (const name of await readdir(workDir)) {
    if (/\.\d+$/.test(name)) await rm(join(workDir, name));
  }
  console.log(`\n${title} (median of ${rounds}, ratio vs first row)`);
  for (const [name] of cases) {
    const ms = median(times.get(name)!);
    console.log(`  ${name.padEnd(52)} ${ms.toFixed(1).padStart(8)} ms  ${(ms / base).toFixed(2)}x`);
  }
};

const workDir = await mkdtemp(join(tmpdir(), "peak-cache-bench-"));

const main = async () => {
  const dir = workDir;
  const table = ohlcv(ROWS);
  const pq = join(dir, "bars.parquet");
  const arrow = join(dir, "bars.arrow");
  await atomicWrite(table, pq, { checksum: true });
  await atomicWrite(table, arrow, { checksum: true });
  const pqBytes = await readFile(pq);
  const arrowBytes = await readFile(arrow);
  console.log(
    `${ROWS.toLocaleString("en")} rows OHLCV: Parquet ${(pqBytes.length / 2 ** 20).toFixed(1)} MiB, Arrow IPC ${(arrowBytes.length / 2 ** 20).toFixed(1)} MiB; node ${process.version}`,
  );

  await measure("Write 1M-row table as Parquet (serialise included)", [
    [
      "serialise + write + fsync (plain, no atomicity)",
      async () => plainWrite(join(dir, "p1.parquet"), await toParquet(table)),
    ],
    [
      "serialise + write + fsync over the old file (O_TRUNC)",
      async () => plainOverwrite(join(dir, "p0.parquet"), await toParquet(table)),
    ],
    [
      "atomicWrite + SHA-256 sidecar",
      () => atomicWrite(table, join(dir, "p2.parquet"), { checksum: true }),
    ],
    [
      "serialise + write-file-atomic",
      async () => writeFileAtomic(join(dir, "p3.parquet"), await toParquet(table)),
    ],
  ]);
  await measure("Write 1M-row table as Arrow IPC (serialise included)", [
    [
      "serialise + write + fsync (plain, no atomicity)",
      async () => plainWrite(join(dir, "a1.arrow"), await toArrow(table)),
    ],
    [
      "atomicWrite + SHA-256 sidecar",
      () => atomicWrite(table, join(dir, "a2.arrow"), { checksum: true }),
    ],
    [
      "serialise + write-file-atomic",
      async () => writeFileAtomic(join(dir, "a3.arrow"), await toArrow(table)),
    ],
  ]);
  await measure(
    `Write the same ${(arrowBytes.length / 2 ** 20).toFixed(0)} MiB of bytes (no serialisation)`,
    [
      ["write + fsync (plain)", () => plainWrite(join(dir, "b1.bin"), arrowBytes)],
      [
        "write + fsync over the old file (O_TRUNC)",
        () => plainOverwrite(join(dir, "b0.bin"), arrowBytes),
      ],
      [
        "atomicWrite + SHA-256 sidecar",
        () => atomicWrite(arrowBytes, join(dir, "b2.bin"), { checksum: true }),
      ],
      [
        "atomicWrite + xxh3 sidecar",
        () => atomicWrite(arrowBytes, join(dir, "b3.bin"), { checksum: "xxh3" }),
      ],
      ["atomicWrite, no checksum", () => atomicWrite(arrowBytes, join(dir, "b4.bin"))],
      ["write-file-atomic", () => writeFileAtomic(join(dir, "b5.bin"), arrowBytes)],
    ],
  );
  await measure("Read 1M-row Parquet table", [
    ["readFile + parse (plain)", async () => fromParquet(await readFile(pq))],
    ["atomicRead, verify SHA-256", () => atomicReadTable(pq, { verifyChecksum: true })],
    ["atomicRead, no verification", () => atomicReadTable(pq)],
  ]);
  await measure("Read 1M-row Arrow IPC table", [
    [
      "readFile + parse (plain)",
      async () => aq.fromArrow(await readFile(arrow), { useDate: false }),
    ],
    ["atomicRead, verify SHA-256", () => atomicReadTable(arrow, { verifyChecksum: true })],
  ]);
  await measure(`Read the same ${(arrowBytes.length / 2 ** 20).toFixed(0)} MiB of bytes`, [
    ["readFile (plain)", () => readFile(join(dir, "b2.bin"))],
    [
      "atomicRead bytes, verify SHA-256",
      () => atomicRead(join(dir, "b2.bin"), { verifyChecksum: true, format: "bytes" }),
    ],
    [
      "atomicRead bytes, verify xxh3",
      () => atomicRead(join(dir, "b3.bin"), { verifyChecksum: true, format: "bytes" }),
    ],
  ]);
  const sha = (chunk: number) => () => {
    const hash = createHash("sha256");
    for (let o = 0; o < arrowBytes.length; o += chunk)
      hash.update(arrowBytes.subarray(o, o + chunk));
    return Promise.resolve(hash.digest("hex"));
  };
  await measure(
    `SHA-256 of ${(arrowBytes.length / 2 ** 20).toFixed(0)} MiB in memory`,
    [
      [
        "node:crypto one-shot",
        () => Promise.resolve(createHash("sha256").update(arrowBytes).digest("hex")),
      ],
      ["node:crypto streamed, 64 KiB chunks", sha(64 * 1024)],
      ["node:crypto streamed, 1 MiB chunks", sha(1024 * 1024)],
      ["node:crypto streamed, 8 MiB chunks (computeChecksum)", () => computeChecksum(arrowBytes)],
      ["hash-wasm xxh3 (computeChecksum)", () => computeChecksum(arrowBytes, "xxh3")],
      ["hash-wasm blake3 (computeChecksum)", () => computeChecksum(arrowBytes, "blake3")],
    ],
    ROUNDS * 2,
  );
  await rm(dir, { recursive: true, force: true });
};

// The same codec atomicWrite uses, so the baselines serialise identical bytes.
const toParquet = (table: aq.ColumnTable) => tableToBytes(table, "parquet");
const toArrow = (table: aq.ColumnTable) => tableToBytes(table, "arrow");
const fromParquet = (bytes: Uint8Array) => tableFromBytes(bytes, "parquet");

await main();
