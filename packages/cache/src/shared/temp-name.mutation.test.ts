import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { classifyName, lockPathFor, tempPathFor, TEMP_MARKER } from "./temp-name";

describe("tempPathFor", () => {
  it("names a hidden file beside the target with the marker, this pid and 16 hex digits", () => {
    const path = tempPathFor(join("/cache", "sub", "bars.parquet"));
    expect(
      path.startsWith(join("/cache", "sub", `.bars.parquet${TEMP_MARKER}${process.pid}-`)),
    ).toBe(true);
    expect(path).toMatch(/-[0-9a-f]{16}$/);
  });

  it("gives a new name on each call", () => {
    expect(tempPathFor("/c/a.bin")).not.toBe(tempPathFor("/c/a.bin"));
  });

  it("makes names that classify as temp files of this pid", () => {
    const name = tempPathFor("/c/a.bin").slice("/c/".length);
    expect(classifyName(name)).toEqual({ kind: "temp", pid: process.pid });
  });
});

describe("lockPathFor", () => {
  it("names the hidden lock beside the target", () => {
    expect(lockPathFor(join("/cache", "bars.parquet"))).toBe(
      join("/cache", ".bars.parquet.peaklock"),
    );
  });
});

describe("classifyName", () => {
  it.each([
    [".bars.parquet.peaktmp-12345-0123456789abcdef", { kind: "temp", pid: 12345 }],
    [".a.peaktmp-7-fedcba9876543210", { kind: "temp", pid: 7 }],
    [".bars.parquet.peaklock", { kind: "lock" }],
    [".x.peaklock", { kind: "lock" }],
  ])("classifies %s", (name, kind) => {
    expect(classifyName(name)).toEqual(kind);
  });

  it.each([
    "bars.parquet.peaktmp-12-0123456789abcdef", // not hidden
    ".peaktmp-12-0123456789abcdef", // no target name
    "..peaktmp-12-0123456789abcdef", // empty target name
    ".a.peaktmp--0123456789abcdef", // no pid
    ".a.peaktmp-x1-0123456789abcdef", // pid not a number
    ".a.peaktmp-12-0123456789abcde", // 15 hex digits
    ".a.peaktmp-12-0123456789abcdef0", // 17 hex digits
    ".a.peaktmp-12-0123456789ABCDEF", // upper case
    ".a.peaktmp-12-0123456789abcdeg", // not hex
    "x.a.peaktmp-12-0123456789abcdef",
    "bars.parquet.peaklock",
    "..peaklock",
    ".a.peaklock.old",
    ".a.peaklocks",
    "bars.parquet",
  ])("leaves %s as other", (name) => {
    expect(classifyName(name)).toEqual({ kind: "other" });
  });
});
