// Benchmark: `pnpm --filter @peak/cache bench`. Not a test: prints medians, ratios and verdicts.
// Cases run side by side in one process, the order rotating each round; with PEAK_BENCH_PYTHON
// (a Python with pandas + pyarrow) pandas runs the same Parquet work in a long-lived peer.
import { createHash } from "node:crypto";
import { mkdtemp, open, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import writeFileAtomic from "write-file-atomic";
import {
  atomicRead,
  atomicReadTable,
  atomicWrite,
  computeChecksum,
  tableToBytes,
} from "../src/index";
import { measure, verdict } from "./measure";
import { ohlcv } from "./ohlcv";
import { startPythonPeer } from "./python-peer";

const ROWS = Number(process.env.BENCH_ROWS ?? 1_000_000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);

// The plain baselines write a fresh file each time (truncating a big existing file costs extra).
let fresh = 0;
const plainWrite = async (path: string, bytes: Uint8Array, flags = "wx") => {
  const handle = await open(flags === "wx" ? `${path}.${(fresh += 1)}` : path, flags);
  try {
    await handle.writeFile(bytes);
    await handle.sync();
  } finally {
    await handle.close();
  }
};

const dir = await mkdtemp(join(tmpdir(), "peak-cache-bench-"));
const sweep = async () => {
  for (const name of await readdir(dir)) if (/\.\d+$/.test(name)) await rm(join(dir, name));
};
const peer = startPythonPeer(process.env.PEAK_BENCH_PYTHON);
let seed = 0;
const timed = async (work: () => Promise<unknown>) => {
  const t0 = performance.now();
  await work();
  return performance.now() - t0;
};
// Ours, on a fresh table each call (built before the clock starts).
const oursWrite = (path: string, options: Parameters<typeof atomicWrite>[2]) => async () => {
  const table = ohlcv(ROWS, (seed += 1));
  return timed(() => atomicWrite(table, path, options));
};

const main = async () => {
  const sample = ohlcv(ROWS, 0);
  const pq = join(dir, "bars.parquet");
  const pandasPq = join(dir, "pandas.parquet");
  await atomicWrite(sample, pq, { checksum: true });
  await peer?.write(pandasPq, ROWS, 0);
  const arrowBytes = await tableToBytes(sample, "arrow");
  const pqSize = (await readFile(pq)).length;
  const pandasSize = peer === undefined ? NaN : (await readFile(pandasPq)).length;
  console.log(
    `${ROWS.toLocaleString("en")} rows OHLCV: our Parquet ${(pqSize / 2 ** 20).toFixed(1)} MiB, pandas' ${(pandasSize / 2 ** 20).toFixed(1)} MiB, Arrow IPC ${(arrowBytes.length / 2 ** 20).toFixed(1)} MiB; node ${process.version}`,
  );
  if (peer === undefined)
    console.log("(set PEAK_BENCH_PYTHON to a Python with pandas for the peer)");

  const write = await measure(
    `Write a ${ROWS.toLocaleString("en")}-row table as Parquet with a SHA-256 sidecar, fresh data each round`,
    [
      ...(peer === undefined
        ? []
        : ([
            [
              "pandas to_parquet + sha256 sidecar + fsync",
              () => peer.write(pandasPq, ROWS, (seed += 1)),
            ],
          ] as const)),
      ["atomicWrite, checksum: true", oursWrite(pq, { checksum: true })],
      [
        "atomicWrite, checksum: true, uncompressed",
        oursWrite(join(dir, "u.parquet"), { checksum: true, compression: "uncompressed" }),
      ],
      [
        "serialise + write + fsync (no atomicity, no checksum)",
        async () => {
          const table = ohlcv(ROWS, (seed += 1));
          return timed(async () =>
            plainWrite(join(dir, "p.parquet"), await tableToBytes(table, "parquet")),
          );
        },
      ],
    ],
    ROUNDS,
    sweep,
  );
  const read = await measure(
    `Read a ${ROWS.toLocaleString("en")}-row Parquet table, checking its SHA-256 sidecar`,
    [
      ...(peer === undefined
        ? []
        : ([["pandas read_parquet + sha256 check", () => peer.read(pandasPq)]] as const)),
      ["atomicRead, verifyChecksum: true", () => atomicReadTable(pq, { verifyChecksum: true })],
      ["atomicRead, no verification", () => atomicReadTable(pq)],
      ["atomicRead of the pandas file (general path)", () => atomicReadTable(pandasPq)],
    ],
    ROUNDS,
  );
  const mib = (arrowBytes.length / 2 ** 20).toFixed(0);
  const bytes = await measure(
    `Write ${mib} MiB of bytes (no serialisation)`,
    [
      ["write + fsync (plain)", () => plainWrite(join(dir, "b1.bin"), arrowBytes)],
      [
        "write + fsync over the old file (O_TRUNC)",
        () => plainWrite(join(dir, "b0.bin"), arrowBytes, "w"),
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
    ROUNDS * 2,
    sweep,
  );
  await measure(
    `Read the same ${mib} MiB of bytes`,
    [
      ["readFile (plain)", () => readFile(join(dir, "b2.bin"))],
      [
        "atomicRead bytes, verify SHA-256",
        () => atomicRead(join(dir, "b2.bin"), { verifyChecksum: true, format: "bytes" }),
      ],
      [
        "atomicRead bytes, verify xxh3",
        () => atomicRead(join(dir, "b3.bin"), { verifyChecksum: true, format: "bytes" }),
      ],
    ],
    ROUNDS,
  );
  await measure(
    `SHA-256 of ${mib} MiB in memory`,
    [
      ["node:crypto one-shot", async () => createHash("sha256").update(arrowBytes).digest("hex")],
      ["computeChecksum (8 MiB chunks)", () => computeChecksum(arrowBytes)],
      ["hash-wasm xxh3 (computeChecksum)", () => computeChecksum(arrowBytes, "xxh3")],
    ],
    ROUNDS,
  );

  console.log("");
  if (peer !== undefined) {
    const pandas = (m: Map<string, number>) => [...m.values()][0]!;
    verdict(
      "Parquet atomicWrite + checksum vs pandas to_parquet + sidecar + fsync",
      write.get("atomicWrite, checksum: true")!,
      pandas(write),
      1,
    );
    verdict(
      "Parquet verified atomicRead vs pandas read_parquet + SHA-256",
      read.get("atomicRead, verifyChecksum: true")!,
      pandas(read),
      1,
    );
  }
  verdict(
    "bytes atomicWrite + SHA-256 vs plain write + fsync",
    bytes.get("atomicWrite + SHA-256 sidecar")!,
    bytes.get("write + fsync (plain)")!,
    1.2,
  );
};

try {
  await main();
} finally {
  peer?.close();
  await rm(dir, { recursive: true, force: true });
}
