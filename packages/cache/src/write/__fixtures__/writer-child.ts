// Child process for the crash and concurrency tests (bundled by bundle-child.ts, run with node).
// argv: <path> <firstVersion> <count | "forever">
// Writes ohlcvTable(ROWS, v) for v = firstVersion, firstVersion + 1, … with a sha256 sidecar,
// prints "ready" after the first complete write and "done <lastVersion>" when finished.
import { atomicWrite } from "../atomic-write";
import { ohlcvTable } from "../../shared/__fixtures__/ohlcv";

/** Rows per table the children write. */
export const ROWS = 200;
/** Versions cycle modulo this, so the parent knows every table a child may have written. */
export const VERSIONS = 8;

const main = async () => {
  const [path, first, count] = process.argv.slice(2);
  if (path === undefined || first === undefined || count === undefined) throw new Error("usage");
  const limit = count === "forever" ? Infinity : Number(count);
  const tables = Array.from({ length: VERSIONS }, (_, i) => ohlcvTable(ROWS, Number(first) + i));
  let version = Number(first);
  for (let i = 0; i < limit; i += 1) {
    version = Number(first) + (i % VERSIONS);
    await atomicWrite(tables[i % VERSIONS]!, path, { checksum: true });
    if (i === 0) process.stdout.write("ready\n");
  }
  process.stdout.write(`done ${version}\n`);
};

if (process.argv[1]?.includes("writer-child")) await main();
