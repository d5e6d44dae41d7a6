import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { resolveCsvOptions } from "../csv-options";
import { openCount } from "../stream/__fixtures__/open-files";
import { readRange, transfers, type RangeJob } from "./range-job";

// readRange runs on a worker in production; here it runs on this thread, on a real file.
const dir = mkdtempSync(join(tmpdir(), "peak-csv-range-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const HEADER = "timestamp,open,high,low,close,volume\n";
const NAMES = ["timestamp", "open", "high", "low", "close", "volume"];
const T0 = Date.UTC(2024, 0, 1);
const row = (i: number) =>
  `${new Date(T0 + i * 60_000).toISOString()},${i},${i + 2},${i - 1},${i + 1},${i * 10}\n`;

let files = 0;
const file = (text: string) => {
  const path = join(dir, `f${files++}.csv`);
  writeFileSync(path, text);
  return path;
};
/** The job for bytes `[start, end)` of `path` (the header's layout). */
const job = (path: string, start: number, end: number, id = 3): RangeJob => ({
  id,
  path,
  start,
  end,
  opts: resolveCsvOptions(),
  sep: ",",
  names: NAMES,
});
const column = (r: ReturnType<typeof readRange>, k: number) =>
  Array.from(r.columns[k]?.values ?? []);

describe("readRange", () => {
  it("reads exactly the rows of its byte range, with the job's id", () => {
    const rows = Array.from({ length: 6 }, (_, i) => row(i));
    const path = file(HEADER + rows.join(""));
    const start = HEADER.length + rows[0]!.length;
    const end = start + rows[1]!.length + rows[2]!.length;
    const r = readRange(job(path, start, end, 7));
    expect(r.id).toBe(7);
    expect(r.rows).toBe(2);
    expect(r.lineCount).toBe(2);
    expect(column(r, 0)).toEqual([T0 + 60_000, T0 + 120_000]);
    expect(column(r, 1)).toEqual([1, 2]);
    expect(column(r, 5)).toEqual([10, 20]);
    expect(r.columns).toHaveLength(6);
  });

  it("counts blank lines in its line index, range-relative", () => {
    const body = `${row(0)}\n\n${row(1)}${row(2)}`;
    const path = file(HEADER + body);
    const r = readRange(job(path, HEADER.length, HEADER.length + body.length));
    expect(r.rows).toBe(3);
    expect(r.lineCount).toBe(5);
    expect(r.lines).toEqual({ rows: [0, 1], offsets: [1, 3] });
  });

  it("stops at the end of the file when the range runs past it (the file shrank)", () => {
    const body = row(0) + row(1);
    const path = file(HEADER + body);
    const r = readRange(job(path, HEADER.length, HEADER.length + body.length + 500));
    expect(r.rows).toBe(2);
    expect(column(r, 4)).toEqual([1, 2]);
  });

  it("reads a range larger than one 4 MiB read, and closes the file", () => {
    const rows = Array.from({ length: 100_000 }, (_, i) => row(i));
    const path = file(HEADER + rows.join(""));
    const end = HEADER.length + rows.join("").length - rows[99_999]!.length;
    const r = readRange(job(path, HEADER.length, end));
    expect(r.rows).toBe(99_999);
    expect(r.columns[1]?.values[99_998]).toBe(99_998);
    expect(openCount(path)).toBe(0);
  });

  it("reads an empty range as no rows", () => {
    const path = file(HEADER + row(0));
    const r = readRange(job(path, HEADER.length, HEADER.length));
    expect(r.rows).toBe(0);
    expect(r.lineCount).toBe(0);
  });

  it("throws the byte reader's error as is", () => {
    const line = "2024-01-01T00:00:00Z,1,2,3,4,5,6\n";
    const path = file(HEADER + line);
    expect(() => readRange(job(path, HEADER.length, HEADER.length + line.length))).toThrow(
      "CSV line 1 has 7 fields, the header has 6",
    );
  });
});

describe("transfers", () => {
  it("lists every column buffer once, the epoch flags too, and they can be moved", () => {
    const body = `${T0},1,2,0.5,1.5,10\n${row(1)}`;
    const path = file(HEADER + body);
    const r = readRange(job(path, HEADER.length, HEADER.length + body.length));
    const list = transfers(r);
    const epoch = r.columns[0]?.epoch;
    expect(Array.from(epoch ?? [])).toEqual([1, 0]);
    expect(list).toHaveLength(7);
    expect(list).toContain(epoch?.buffer);
    expect(list).toEqual(expect.arrayContaining(r.columns.map((c) => c.values.buffer)));
    const moved = structuredClone(r, { transfer: list });
    expect(Array.from(moved.columns[4]?.values ?? [])).toEqual([1.5, 2]);
    expect(r.columns[4]?.values.length).toBe(0); // detached: moved, not copied
  });

  it("has no epoch buffer when no stamp was a raw number", () => {
    const body = row(0) + row(1);
    const path = file(HEADER + body);
    const list = transfers(readRange(job(path, HEADER.length, HEADER.length + body.length)));
    expect(list).toHaveLength(6);
  });
});
