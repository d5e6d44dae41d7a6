import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { setTimeout as delay } from "node:timers/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bundleChild, startWriter } from "../shared/__fixtures__/bundle-child";
import { ohlcvTable } from "../shared/__fixtures__/ohlcv";
import { ROWS, VERSIONS } from "./__fixtures__/writer-child";
import { atomicReadTable as atomicRead } from "../read/atomic-read-table";
import { cleanup } from "./cleanup";

const KILLS = 200;
const LANES = 2; // two cache files, killed in parallel, to keep the test near 15 s on 2 cores

let work: string;
let script: string;
beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), "peak-cache-crash-"));
  script = await bundleChild(work, new URL("__fixtures__/writer-child.ts", import.meta.url));
});
afterAll(() => rm(work, { recursive: true, force: true }));

const written = new Set(
  Array.from({ length: VERSIONS }, (_, v) => JSON.stringify(ohlcvTable(ROWS, v).objects())),
);

// One lane: spawn a writer looping over 8 tables, SIGKILL it 0-12 ms after its first write,
// then require a verified read to return one of the 8 tables and sweep the crash leftovers.
const runLane = async (dir: string, kills: number) => {
  const path = join(dir, "bars.arrow");
  const seen = { inSwap: 0, twoDigests: 0 };
  for (let i = 0; i < kills; i += 1) {
    const writer = startWriter(script, [path, "0", "forever"]);
    await writer.ready;
    await delay(Math.floor(Math.random() * 12));
    writer.child.kill("SIGKILL");
    expect((await writer.exited).signal).toBe("SIGKILL");
    const table = await atomicRead(path, { verifyChecksum: true });
    expect(written.has(JSON.stringify(table.objects()))).toBe(true);
    if ((await readdir(dir)).some((n) => n.endsWith(".peaklock"))) seen.inSwap += 1;
    if ((await readFile(`${path}.sha256`, "utf8")).split("\n").length > 2) seen.twoDigests += 1;
    await cleanup(dir);
    expect((await readFile(`${path}.sha256`, "utf8")).split("\n")).toHaveLength(2); // one line + ""
  }
  expect(await readdir(dir)).toEqual(["bars.arrow", "bars.arrow.sha256"]);
  return seen;
};

describe("crash safety", () => {
  it(`serves one of the written tables after each of ${KILLS} SIGKILLs mid-write`, async () => {
    const dirs = await Promise.all(
      Array.from({ length: LANES }, (_, i) => mkdtemp(join(work, `lane${i}-`))),
    );
    const lanes = await Promise.all(dirs.map((dir) => runLane(dir, KILLS / LANES)));
    // Some kills land inside the locked data/sidecar swap, some between the two sidecar rewrites.
    const inSwap = lanes.reduce((sum, lane) => sum + lane.inSwap, 0);
    const twoDigests = lanes.reduce((sum, lane) => sum + lane.twoDigests, 0);
    console.info(
      `crash test: ${KILLS} kills, ${inSwap} inside the swap, ${twoDigests} with two digests`,
    );
    expect(inSwap).toBeGreaterThan(0);
  }, 120_000);
});
