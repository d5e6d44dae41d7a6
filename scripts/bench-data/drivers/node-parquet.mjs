// Our Parquet path, one operation per process, timed inside:
//   node node-parquet.mjs write <columns-dir> <rows> <out.parquet>   atomicWrite + SHA-256 sidecar
//   node node-parquet.mjs read <file.parquet> <rows>                  verified atomicRead
import { CACHE_DIST, importDist, importFromCache } from "../paths.mjs";
import { loadColumns, print, timed } from "./columns.mjs";

const [mode, ...args] = process.argv.slice(2);
const { atomicRead, atomicWrite } = await importDist(CACHE_DIST);
if (mode === "write") {
  const [dir, rows, out] = args;
  const aq = await importFromCache("arquero");
  const table = aq.table(loadColumns(dir, Number(rows)));
  const t = await timed(() => atomicWrite(table, out, { checksum: true }));
  print({ opS: t.opS, opCpuS: t.opCpuS, rows: table.numRows() });
} else if (mode === "read") {
  const [file, rows] = args;
  const t = await timed(() => atomicRead(file, { verifyChecksum: true }));
  const n = t.value.numRows();
  if (n !== Number(rows)) throw new Error(`read ${n} rows, expected ${rows}`);
  print({ opS: t.opS, opCpuS: t.opCpuS, rows: n });
} else {
  throw new Error(`unknown mode ${mode}: use write or read`);
}
