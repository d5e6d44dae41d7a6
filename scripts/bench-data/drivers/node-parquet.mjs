// Our Parquet path, one operation per process, timed inside after one untimed warm-up call:
//   node node-parquet.mjs write <columns-dir> <rows> <out.parquet>   atomicWrite + SHA-256 sidecar
//   node node-parquet.mjs read <file.parquet> <rows>                  verified atomicRead
import { rm } from "node:fs/promises";
import { CACHE_DIST, importDist, importFromCache } from "../paths.mjs";
import { loadColumns, print, timed } from "./columns.mjs";

const [mode, ...args] = process.argv.slice(2);
const { atomicRead, atomicWrite } = await importDist(CACHE_DIST);
if (mode === "write") {
  const [dir, rows, out] = args;
  const aq = await importFromCache("arquero");
  const table = aq.table(loadColumns(dir, Number(rows)));
  await atomicWrite(table, `${out}.warm.parquet`, { checksum: true }); // untimed: codec + JIT
  await rm(`${out}.warm.parquet`);
  await rm(`${out}.warm.parquet.sha256`);
  const t = await timed(() => atomicWrite(table, out, { checksum: true }));
  print({ opS: t.opS, opCpuS: t.opCpuS, rows: table.numRows() });
} else if (mode === "read") {
  const [file, rows] = args;
  await atomicRead(file, { verifyChecksum: true }); // untimed: codec + JIT
  const t = await timed(() => atomicRead(file, { verifyChecksum: true }));
  const n = t.value.numRows();
  if (n !== Number(rows)) throw new Error(`read ${n} rows, expected ${rows}`);
  print({ opS: t.opS, opCpuS: t.opCpuS, rows: n });
} else {
  throw new Error(`unknown mode ${mode}: use write or read`);
}
