import { lstat, mkdir, symlink, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { useTempDirs } from "../shared/__fixtures__/temp-dir";
import { useSpecialFiles, type SpecialKind } from "./__fixtures__/special-files";
import { fileKind } from "./file-kind";

const tempDir = useTempDirs();
const special = useSpecialFiles();

type Predicate = keyof Parameters<typeof fileKind>[0];
const PREDICATES: readonly Predicate[] = [
  "isFile",
  "isDirectory",
  "isFIFO",
  "isSocket",
  "isCharacterDevice",
  "isBlockDevice",
  "isSymbolicLink",
];

// Stats on which exactly the predicates in `truths` hold (Node's Stats has no public constructor).
const statsWhere = (...truths: Predicate[]) =>
  Object.fromEntries(PREDICATES.map((p) => [p, () => truths.includes(p)])) as Parameters<
    typeof fileKind
  >[0];

describe("fileKind", () => {
  it.each([
    ["isFile", "regular file"],
    ["isDirectory", "directory"],
    ["isFIFO", "FIFO (named pipe)"],
    ["isSocket", "socket"],
    ["isCharacterDevice", "character device"],
    ["isBlockDevice", "block device"],
    ["isSymbolicLink", "symbolic link"],
  ] as const)("names %s as a %s", (predicate, kind) => {
    expect(fileKind(statsWhere(predicate))).toBe(kind);
  });

  it("calls a file no predicate matches a special file", () => {
    expect(fileKind(statsWhere())).toBe("special file");
  });

  it.each<[SpecialKind, string]>([
    ["fifo", "FIFO (named pipe)"],
    ["directory", "directory"],
    ["socket", "socket"],
  ])("agrees with lstat on a real %s", async (kind, name) => {
    const path = await special(kind, join(await tempDir(), "x"));
    expect(fileKind(await lstat(path))).toBe(name);
  });

  it("agrees with lstat on a regular file, a symlink and /dev/null", async () => {
    const dir = await tempDir();
    await writeFile(join(dir, "f"), "x");
    await mkdir(join(dir, "d"));
    await symlink(join(dir, "d"), join(dir, "link"));
    expect(fileKind(await lstat(join(dir, "f")))).toBe("regular file");
    expect(fileKind(await lstat(join(dir, "link")))).toBe("symbolic link");
    expect(fileKind(await lstat("/dev/null"))).toBe("character device");
  });
});
