// Raw bytes, one write per process, timed inside:
//   node node-raw.mjs atomic <in.bin> <out>   atomicWrite + SHA-256 sidecar
//   node node-raw.mjs plain <in.bin> <out>    open(wx) + write + fsync + close
import { readFileSync } from "node:fs";
import { open } from "node:fs/promises";
import { CACHE_DIST, importDist } from "../paths.mjs";
import { print, timed } from "./columns.mjs";

const [mode, input, out] = process.argv.slice(2);
const bytes = new Uint8Array(readFileSync(input));
const plain = async () => {
  const handle = await open(out, "wx");
  try {
    await handle.writeFile(bytes);
    await handle.sync();
  } finally {
    await handle.close();
  }
};
const { atomicWrite } = await importDist(CACHE_DIST);
const run = { atomic: () => atomicWrite(bytes, out, { checksum: true }), plain }[mode];
if (run === undefined) throw new Error(`unknown mode ${mode}: use atomic or plain`);
const t = await timed(run);
print({ opS: t.opS, opCpuS: t.opCpuS, bytes: bytes.length });
