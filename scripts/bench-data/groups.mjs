// The comparisons of pnpm bench:data: which commands run, on what, and how a run is judged.
import { join } from "node:path";
import { DRIVERS, SMOKE_MAIN } from "./paths.mjs";

const NODE = process.execPath;
const driver = (name) => join(DRIVERS, name);

/** Python peers by name: the module each needs. */
export const PYTHON_PEERS = { pandas: "pandas", polars: "polars", "duckdb (py)": "duckdb" };

const cleanCounts = (counts) =>
  counts !== null && typeof counts === "object" && Object.values(counts).every((n) => n === 0);

const oursValidate = (rows) => (out, status) =>
  status === 0 && out.ok === true && out.rows === rows
    ? undefined
    : `exit ${status}, ok=${out.ok}, rows=${out.rows} (expected ok=true, rows=${rows})`;

const peerValidate = (rows) => (out, status) =>
  status === 0 && out.rows === rows && cleanCounts(out.counts)
    ? undefined
    : `exit ${status}, rows=${out.rows}, counts=${JSON.stringify(out.counts)} (expected ${rows}, all 0)`;

const opCheck = (rows) => (out, status) =>
  status === 0 && Number.isFinite(out.opS) && (rows === undefined || out.rows === rows)
    ? undefined
    : `exit ${status}, output ${JSON.stringify(out)}`;

/** The validate tools on one CSV of `rows` rows; Python peers only when `py` is set. */
export const validateTools = (file, rows, py) => [
  {
    name: "peak validate",
    ours: true,
    command: () => [NODE, [SMOKE_MAIN, "validate", "--json", file]],
    check: oursValidate(rows),
  },
  ...Object.keys(PYTHON_PEERS)
    .filter((name) => py.peers.includes(name))
    .map((name) => ({
      name,
      command: () => [py.bin, ["-B", driver("peer_validate.py"), PYTHON_PEERS[name], file]],
      check: peerValidate(rows),
    })),
  {
    name: "duckdb (node)",
    command: () => [NODE, [driver("node-duckdb-validate.mjs"), file]],
    check: peerValidate(rows),
  },
];

/** atomicWrite + SHA-256 vs pandas to_parquet + sidecar + fsync; each run writes a new file. */
export const parquetWriteTools = (columns, rows, work, py) => [
  {
    name: "atomicWrite",
    ours: true,
    command: (r) => [
      NODE,
      [driver("node-parquet.mjs"), "write", columns, String(rows), join(work, `ours-${r}.parquet`)],
    ],
    check: opCheck(rows),
  },
  ...(py.peers.includes("pandas")
    ? [
        {
          name: "pandas to_parquet",
          command: (r) => [
            py.bin,
            [
              "-B",
              driver("peer_parquet.py"),
              "write",
              columns,
              String(rows),
              join(work, `pd-${r}.parquet`),
            ],
          ],
          check: opCheck(rows),
        },
      ]
    : []),
];

/** Verified atomicRead vs pandas read_parquet + SHA-256, of the files the warm-up wrote. */
export const parquetReadTools = (rows, work, py) => [
  {
    name: "atomicRead",
    ours: true,
    command: () => [
      NODE,
      [driver("node-parquet.mjs"), "read", join(work, "ours--1.parquet"), String(rows)],
    ],
    check: opCheck(rows),
  },
  ...(py.peers.includes("pandas")
    ? [
        {
          name: "pandas read_parquet",
          command: () => [
            py.bin,
            ["-B", driver("peer_parquet.py"), "read", join(work, "pd--1.parquet"), String(rows)],
          ],
          check: opCheck(rows),
        },
      ]
    : []),
];

/** atomicWrite + SHA-256 of raw bytes vs a plain write + fsync (Node only). */
export const rawTools = (input, work) =>
  ["atomic", "plain"].map((mode) => ({
    name: mode === "atomic" ? "atomicWrite bytes" : "plain write+fsync",
    ours: mode === "atomic",
    command: (r) => [
      NODE,
      [driver("node-raw.mjs"), mode, input, join(work, `raw-${mode}-${r}.bin`)],
    ],
    check: opCheck(undefined),
  }));

/** checkOhlcv vs pandas with the same rules, on in-memory columns. */
export const checkTools = (columns, rows, reps, py) => [
  {
    name: "checkOhlcv",
    ours: true,
    command: () => [NODE, [driver("node-check.mjs"), columns, String(rows), String(reps)]],
    check: opCheck(rows),
  },
  ...(py.peers.includes("pandas")
    ? [
        {
          name: "pandas rules",
          command: () => [
            py.bin,
            ["-B", driver("peer_check.py"), columns, String(rows), String(reps)],
          ],
          check: opCheck(rows),
        },
      ]
    : []),
];
