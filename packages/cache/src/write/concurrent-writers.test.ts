import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { useBundledChild } from "../shared/__fixtures__/use-child";
import { startWriter } from "../shared/__fixtures__/bundle-child";
import { ohlcvTable } from "../shared/__fixtures__/ohlcv";
import { ROWS, VERSIONS } from "./__fixtures__/writer-child";
import { atomicReadTable as atomicRead } from "../read/atomic-read-table";

const bundled = useBundledChild(new URL("__fixtures__/writer-child.ts", import.meta.url));

const json = (version: number) => JSON.stringify(ohlcvTable(ROWS, version).objects());

describe("two processes writing one path", () => {
  it("ends with the last complete write and a one-line matching sidecar; readers never fail", async () => {
    const path = join(bundled.work, "shared.arrow");
    const expected = new Set(
      [0, 100].flatMap((first) => Array.from({ length: VERSIONS }, (_, i) => json(first + i))),
    );
    const writers = [
      startWriter(bundled.script, [path, "0", "60"]),
      startWriter(bundled.script, [path, "100", "60"]),
    ];
    let running = true;
    const reads = (async () => {
      let count = 0;
      await Promise.all(writers.map((w) => w.ready));
      while (running) {
        const table = await atomicRead(path, { verifyChecksum: true });
        expect(expected.has(JSON.stringify(table.objects()))).toBe(true);
        count += 1;
      }
      return count;
    })();
    const results = await Promise.all(writers.map((w) => w.exited));
    running = false;
    expect(await reads).toBeGreaterThan(0);
    expect(results.map((r) => r.code)).toEqual([0, 0]);
    const lasts = results.map((r) => Number(/done (\d+)/.exec(r.out)?.[1]));
    const final = JSON.stringify((await atomicRead(path, { verifyChecksum: true })).objects());
    expect(lasts.map(json)).toContain(final);
    expect((await readFile(`${path}.sha256`, "utf8")).trim().split("\n")).toHaveLength(1);
    expect((await readdir(bundled.work)).filter((n) => n.startsWith("."))).toEqual([]);
  }, 60_000);
});
