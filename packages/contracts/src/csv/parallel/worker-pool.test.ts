import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PeakTradeError } from "@peak/errors";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { resolveCsvOptions } from "../csv-options";
import { readRange, type RangeJob, type RangeResult } from "./range-job";
import { runPool, workerCount } from "./worker-pool";

const dir = mkdtempSync(join(tmpdir(), "peak-csv-pool-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const saved = process.env.PEAK_CSV_WORKERS;
afterEach(() => {
  if (saved === undefined) delete process.env.PEAK_CSV_WORKERS;
  else process.env.PEAK_CSV_WORKERS = saved;
});

interface Job {
  id: number;
}
const jobs = (n: number): Job[] => Array.from({ length: n }, (_, id) => ({ id }));

describe("workerCount", () => {
  it("takes PEAK_CSV_WORKERS when it is a positive integer, else the fallback", () => {
    process.env.PEAK_CSV_WORKERS = "3";
    expect(workerCount(7)).toBe(3);
    for (const bad of ["0", "-2", "1.5", "two", ""]) {
      process.env.PEAK_CSV_WORKERS = bad;
      expect(workerCount(7)).toBe(7);
    }
    delete process.env.PEAK_CSV_WORKERS;
    expect(workerCount(5)).toBe(5);
    expect(workerCount()).toBeGreaterThanOrEqual(1);
  });
});

// With one thread and `local`, the pool starts no worker: its order and errors run here.
describe("runPool on this thread alone", () => {
  it("hands every result to take once, in job order, and resolves true", async () => {
    const ran: number[] = [];
    const taken: number[] = [];
    const ok = await runPool(
      jobs(5),
      1,
      (r: Job) => taken.push(r.id),
      (j) => (ran.push(j.id), j),
    );
    expect(ok).toBe(true);
    expect(ran).toEqual([0, 1, 2, 3, 4]);
    expect(taken).toEqual([0, 1, 2, 3, 4]);
  });

  it("rejects with the error a job throws, and runs no later job", async () => {
    const ran: number[] = [];
    const local = (j: Job) => {
      ran.push(j.id);
      if (j.id === 1) throw new RangeError("bad range");
      return j;
    };
    await expect(runPool(jobs(4), 1, () => undefined, local)).rejects.toThrow(RangeError);
    expect(ran).toEqual([0, 1]);
    const thrown = runPool(
      jobs(2),
      1,
      () => undefined,
      () => {
        throw "plain"; // eslint-disable-line @typescript-eslint/only-throw-error
      },
    );
    await expect(thrown).rejects.toEqual(new Error("plain"));
  });

  it("rejects with the error take throws, and takes nothing after it", async () => {
    const taken: number[] = [];
    const take = (r: Job) => {
      taken.push(r.id);
      if (r.id === 2) throw new TypeError("full");
    };
    await expect(runPool(jobs(5), 1, take, (j) => j)).rejects.toThrow(new TypeError("full"));
    expect(taken).toEqual([0, 1, 2]);
    const thrown = runPool(
      jobs(1),
      1,
      () => {
        throw 42; // eslint-disable-line @typescript-eslint/only-throw-error
      },
      (j) => j,
    );
    await expect(thrown).rejects.toEqual(new Error("42"));
  });
});

describe("runPool with a worker", () => {
  it("rejects with a PeakTradeError when a worker fails on something other than data", async () => {
    const missing = join(dir, "missing.csv");
    const job: RangeJob = {
      id: 0,
      path: missing,
      start: 0,
      end: 10,
      opts: resolveCsvOptions(),
      sep: ",",
      names: ["timestamp", "open", "high", "low", "close", "volume"],
    };
    const error: unknown = await runPool([job], 1, () => undefined).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PeakTradeError);
    const e = error as PeakTradeError;
    expect(e.message).toMatch(
      /^A CSV reader worker stopped: Error: ENOENT: no such file or directory/,
    );
    expect(e.hint).toBe(
      "Retry; if it persists, the machine may be short of memory (PEAK_CSV_WORKERS=1 reads on one thread)",
    );
    expect(String(e.context?.worker)).toMatch(/\/csv-worker\.ts$/);
  });

  it("keeps job order with a worker and this thread both reading, at most 2 × size ahead", async () => {
    const head = "timestamp,open,high,low,close,volume\n";
    const line = "2024-01-01T00:00:00Z,1,2,0.5,1.5,9\n";
    const path = join(dir, "rows.csv");
    writeFileSync(path, head + line.repeat(40));
    const step = line.length * 4;
    const list: RangeJob[] = Array.from({ length: 10 }, (_, id) => ({
      id,
      path,
      start: head.length + id * step,
      end: head.length + (id + 1) * step,
      opts: resolveCsvOptions(),
      sep: ",",
      names: ["timestamp", "open", "high", "low", "close", "volume"],
    }));
    const taken: number[] = [];
    const rows: number[] = [];
    const here: number[] = [];
    let lead = 0;
    const local = (j: RangeJob): RangeResult => {
      here.push(j.id);
      lead = Math.max(lead, j.id - taken.length);
      return readRange(j);
    };
    const take = (r: RangeResult) => {
      taken.push(r.id);
      rows.push(r.rows);
    };
    expect(await runPool(list, 2, take, local)).toBe(true);
    expect(taken).toEqual(list.map((j) => j.id));
    expect(rows).toEqual(list.map(() => 4));
    expect(lead).toBeLessThan(2 * 2);
    // This thread starts on the next turn of the event loop, long before a worker is up.
    expect(here.length).toBeGreaterThan(0);
  });
});
