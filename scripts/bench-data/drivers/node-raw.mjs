// Raw bytes, one write per process, timed inside after one untimed warm-up write:
//   node node-raw.mjs atomic <in.bin> <out>   atomicWrite + SHA-256 sidecar
//   node node-raw.mjs plain <in.bin> <out>    open(wx) + write + fsync + close
import { readFileSync } from "node:fs";
import { open, rm } from "node:fs/promises";
import { CACHE_DIST, importDist } from "../paths.mjs";
import { print, timed } from "./columns.mjs";

const [mode, input, out] = process.argv.slice(2);
const bytes = new Uint8Array(readFileSync(input));
const plain = async (path) => {
  const handle = await open(path, "wx");
  try {
    await handle.writeFile(bytes);
    await handle.sync();
  } finally {
    await handle.close();
  }
};
const { atomicWrite } = await importDist(CACHE_DIST);
const atomic = (path) => atomicWrite(bytes, path, { checksum: true });
const run = { atomic, plain }[mode];
if (run === undefined) throw new Error(`unknown mode ${mode}: use atomic or plain`);
await run(`${out}.warm`); // untimed: hashing and file-system code paths warm
await rm(`${out}.warm`);
await rm(`${out}.warm.sha256`, { force: true });
const t = await timed(() => run(out));
print({ opS: t.opS, opCpuS: t.opCpuS, bytes: bytes.length });
