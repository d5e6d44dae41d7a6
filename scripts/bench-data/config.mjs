// Settings from the environment and the command line, and which Python peers can run.
import { spawnSync } from "node:child_process";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PYTHON_PEERS } from "./groups.mjs";

const MODULES = ["numpy", "pandas", "pyarrow", "polars", "duckdb"];
const NEEDS = {
  pandas: ["numpy", "pandas", "pyarrow"],
  polars: ["polars"],
  "duckdb (py)": ["duckdb"],
};
const PROBE = [
  "import importlib, json",
  "out = {}",
  `for m in ${JSON.stringify(MODULES)}:`,
  "    try: out[m] = importlib.import_module(m).__version__",
  "    except Exception as e: out[m] = None",
  "print(json.dumps(out))",
].join("\n");

const positiveInt = (name, fallback) => {
  const text = process.env[name];
  if (text === undefined || text === "") return fallback;
  const n = Number(text);
  if (!Number.isInteger(n) || n <= 0)
    throw new Error(`${name} must be a positive integer, got ${text}`);
  return n;
};

/** Which Python peers can run with PEAK_BENCH_PYTHON, and why the others cannot. */
export const probePython = (bin) => {
  const all = Object.keys(PYTHON_PEERS);
  if (!bin) {
    return {
      bin,
      peers: [],
      versions: {},
      skipped: all.map((p) => `${p} (PEAK_BENCH_PYTHON not set)`),
    };
  }
  const r = spawnSync(bin, ["-c", PROBE], { encoding: "utf8" });
  if (r.status !== 0) {
    const why = r.error ? String(r.error.message) : r.stderr.trim().split("\n").at(-1);
    return { bin, peers: [], versions: {}, skipped: all.map((p) => `${p} (${bin}: ${why})`) };
  }
  const versions = JSON.parse(r.stdout);
  const lacking = (p) => NEEDS[p].filter((m) => versions[m] === null);
  return {
    bin,
    versions,
    peers: all.filter((p) => lacking(p).length === 0),
    skipped: all
      .filter((p) => lacking(p).length > 0)
      .map((p) => `${p} (${bin} lacks ${lacking(p).join(", ")})`),
  };
};

/** The run's settings; `selfCheck` shrinks every size so the whole run takes seconds. */
export const readConfig = (argv) => {
  const flags = new Set(argv.filter((a) => a !== "--")); // pnpm passes a leading -- on
  const unknown = [...flags].filter(
    (f) => !["--self-check", "--no-build", "--clean", "--help"].includes(f),
  );
  if (unknown.length > 0) throw new Error(`unknown option ${unknown.join(" ")} (see --help)`);
  const selfCheck = flags.has("--self-check");
  const bigRows = selfCheck ? 20_000 : positiveInt("PEAK_BENCH_ROWS", 10_000_000);
  const smallRows = selfCheck ? 5_000 : Math.max(1_000, Math.round(bigRows / 10));
  return {
    help: flags.has("--help"),
    selfCheck,
    build: !flags.has("--no-build"),
    clean: flags.has("--clean"),
    rounds: selfCheck ? 1 : Math.max(3, positiveInt("PEAK_BENCH_ROUNDS", 3)),
    sizes: { bigRows, smallRows, rawBytes: selfCheck ? 1 << 20 : 46 << 20 },
    checkReps: selfCheck ? 3 : 5,
    inputDir: process.env.PEAK_BENCH_DIR || join(tmpdir(), "peak-bench-data"),
    python: probePython(process.env.PEAK_BENCH_PYTHON),
    only: onlyGroups(process.env.BENCH_ONLY),
  };
};

/** `BENCH_ONLY=validate` (comma-separated group id prefixes): which comparisons run; all when unset. */
const onlyGroups = (text) => {
  const prefixes = (text ?? "")
    .split(",")
    .map((p) => p.trim())
    .filter(Boolean);
  return (id) => prefixes.length === 0 || prefixes.some((p) => id.startsWith(p));
};
