// The benchmark's input files, generated once into a folder and reused while their size and
// SHA-256 still match what inputs.json recorded (hashing also pulls them into the page cache).
import { createHash, randomFillSync } from "node:crypto";
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, readSync } from "node:fs";
import { statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { barColumns, GENERATOR_VERSION, writeBarsCsv } from "./generate.mjs";

const COLUMNS = ["timestamp", "open", "high", "low", "close", "volume"];

/** SHA-256 of a file, read in 4 MiB chunks. */
export const sha256File = (path) => {
  const hash = createHash("sha256");
  const buf = Buffer.allocUnsafe(1 << 22);
  const fd = openSync(path, "r");
  try {
    for (let n; (n = readSync(fd, buf, 0, buf.length, null)) > 0; ) hash.update(buf.subarray(0, n));
  } finally {
    closeSync(fd);
  }
  return hash.digest("hex");
};

const record = (path) => ({ bytes: statSync(path).size, sha256: sha256File(path) });

const stillValid = (path, want) =>
  want !== undefined &&
  existsSync(path) &&
  statSync(path).size === want.bytes &&
  sha256File(path) === want.sha256;

/** Writes the columns of `rows` bars as raw little-endian float64 files `<dir>/<name>.f64`. */
const writeColumns = (dir, rows) => {
  mkdirSync(dir, { recursive: true });
  const cols = barColumns(rows);
  for (const name of COLUMNS) {
    const a = cols[name];
    writeFileSync(join(dir, `${name}.f64`), new Uint8Array(a.buffer, a.byteOffset, a.byteLength));
  }
};

/** Deterministic-size incompressible bytes for the raw-write comparison. */
const writeRaw = (path, bytes) => writeFileSync(path, randomFillSync(Buffer.alloc(bytes)));

/**
 * Makes sure `dir` holds the inputs for `sizes` ({ bigRows, smallRows, rawBytes }), reusing
 * files that still match; `log` reports what was generated. Returns the paths.
 */
export const ensureInputs = (dir, sizes, log) => {
  mkdirSync(dir, { recursive: true });
  const manifestPath = join(dir, "inputs.json");
  const old = existsSync(manifestPath) ? JSON.parse(readFileSync(manifestPath, "utf8")) : {};
  const files = old.version === GENERATOR_VERSION ? old.files : {};
  const paths = {
    bigCsv: join(dir, `bars-${sizes.bigRows}.csv`),
    smallCsv: join(dir, `bars-${sizes.smallRows}.csv`),
    columns: join(dir, `columns-${sizes.bigRows}`),
    raw: join(dir, `raw-${sizes.rawBytes}.bin`),
  };
  const ensure = (path, make) => {
    const t0 = performance.now();
    if (stillValid(path, files[path])) return;
    make();
    files[path] = record(path);
    log(`generated ${path} (${mib(files[path].bytes)}) in ${sec(performance.now() - t0)}`);
  };
  ensure(paths.bigCsv, () => writeBarsCsv(paths.bigCsv, sizes.bigRows));
  ensure(paths.smallCsv, () => writeBarsCsv(paths.smallCsv, sizes.smallRows));
  const colFiles = COLUMNS.map((n) => join(paths.columns, `${n}.f64`));
  if (!colFiles.every((f) => stillValid(f, files[f]))) {
    const t0 = performance.now();
    writeColumns(paths.columns, sizes.bigRows);
    for (const f of colFiles) files[f] = record(f);
    log(`generated ${paths.columns}/*.f64 in ${sec(performance.now() - t0)}`);
  }
  ensure(paths.raw, () => writeRaw(paths.raw, sizes.rawBytes));
  writeFileSync(
    manifestPath,
    `${JSON.stringify({ version: GENERATOR_VERSION, files }, null, 2)}\n`,
  );
  return {
    ...paths,
    csvBytes: files[paths.bigCsv].bytes,
    smallCsvBytes: files[paths.smallCsv].bytes,
  };
};

export const mib = (bytes) => `${(bytes / 2 ** 20).toFixed(1)} MiB`;
export const sec = (ms) => `${(ms / 1000).toFixed(1)} s`;
