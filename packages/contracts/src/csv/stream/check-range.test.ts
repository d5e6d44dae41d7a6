import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { checkRange, type CheckJob } from "./check-range";
import { openCount } from "./__fixtures__/open-files";
import { ROLES } from "./__fixtures__/scan-text";

// checkRange runs on this thread when there is one worker; here it reads real files directly.
const dir = mkdtempSync(join(tmpdir(), "peak-csv-check-range-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const T0 = Date.UTC(2024, 2, 1);
const line = (i: number) => `${new Date(T0 + i * 60_000).toISOString()},10,12,9,11,${100 + i}\n`;
const body = (n: number) => Array.from({ length: n }, (_, i) => line(i)).join("");

let files = 0;
const job = (content: string, over: Partial<CheckJob> = {}): CheckJob => {
  const path = join(dir, `f${files++}.csv`);
  writeFileSync(path, content);
  return {
    kind: "check",
    id: 5,
    path,
    start: 0,
    end: content.length,
    roles: ROLES,
    sep: 44,
    jumpThreshold: Infinity,
    maxLineBytes: 1000,
    pieceBytes: 100,
    ...over,
  };
};

describe("checkRange", () => {
  it("reads a range in pieces: rows, border rows and one spacing run", () => {
    const r = checkRange(job(body(12)));
    expect(r).toMatchObject({ id: 5, clean: true, rows: 12 });
    expect(Array.from(r.first)).toEqual([T0, 10, 12, 9, 11, 100]);
    expect(Array.from(r.last)).toEqual([T0 + 11 * 60_000, 10, 12, 9, 11, 111]);
    expect(Array.from(r.spacingValues)).toEqual([60_000]);
    expect(Array.from(r.spacingCounts)).toEqual([11]);
  });

  it("reads only its own bytes of the file", () => {
    const content = body(6);
    const r = checkRange(job(content, { start: line(0).length, end: 3 * line(0).length }));
    expect(r.rows).toBe(2);
    expect(r.first[0]).toBe(T0 + 60_000);
  });

  it("gives up when the file is shorter than the range (it shrank while read)", () => {
    const content = body(3);
    const r = checkRange(job(content, { end: content.length + 200 }));
    expect(r.clean).toBe(false);
  });

  it("gives up on a line longer than a piece, and reads it with a larger piece", () => {
    const content = body(4);
    expect(checkRange(job(content, { pieceBytes: line(0).length - 2 })).clean).toBe(false);
    expect(checkRange(job(content, { pieceBytes: line(0).length })).clean).toBe(true);
  });

  it("closes the file", () => {
    const j = job(body(5));
    checkRange(j);
    expect(openCount(j.path)).toBe(0);
  });
});
