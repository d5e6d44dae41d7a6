import { mkdir, symlink, writeFile } from "node:fs/promises";
import { dirname, join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { useTempDirs } from "../shared/__fixtures__/temp-dir";
import { entryPathFor, staysInside, storedPathProblem } from "./manifest-paths";

const tempDir = useTempDirs();

describe("storedPathProblem", () => {
  it.each([
    ["", "absolute"],
    ["/etc/passwd", "absolute"],
    ["C:/data/a.bin", "absolute"],
    ["c:a.bin", "absolute"],
    ["sub\\a.bin", "not a POSIX path"],
    ["../a.bin", "not a normalised relative path"],
    ["sub/../a.bin", "not a normalised relative path"],
    ["./a.bin", "not a normalised relative path"],
    ["sub/.", "not a normalised relative path"],
    ["sub//a.bin", "not a normalised relative path"],
    ["sub/", "not a normalised relative path"],
  ])("refuses %j as %s", (path, reason) => {
    expect(storedPathProblem(path)).toBe(reason);
  });

  // A colon after the first character, or dots inside a name, are ordinary file-name characters.
  it.each(["a.bin", "sub/b.bin", "BTC:USDT/1h.parquet", "1:2.bin", "..hidden", "a..b/.c"])(
    "accepts %j",
    (path) => {
      expect(storedPathProblem(path)).toBeUndefined();
    },
  );
});

describe("entryPathFor", () => {
  const folder = async () => {
    const dir = await tempDir();
    await mkdir(join(dir, "sub"));
    await writeFile(join(dir, "sub", "b.bin"), "bravo");
    return dir;
  };

  it("gives the POSIX path relative to the folder and the absolute path", async () => {
    const dir = await folder();
    const expected = { ok: true, rel: "sub/b.bin", abs: join(dir, "sub", "b.bin") };
    expect(await entryPathFor(dir, "sub/b.bin")).toEqual(expected);
    expect(await entryPathFor(dir, join(dir, "sub", "b.bin"))).toEqual(expected);
  });

  it("takes a name that only starts with two dots", async () => {
    const dir = await folder();
    await writeFile(join(dir, "..b.bin"), "b");
    expect(await entryPathFor(dir, "..b.bin")).toMatchObject({ ok: true, rel: "..b.bin" });
  });

  it("refuses an existing file outside the folder, and the folder and its parent", async () => {
    const dir = await folder();
    const outside = join(await tempDir(), "x.bin");
    await writeFile(outside, "x");
    const refused = { ok: false, reason: "outside the manifest folder" };
    expect(await entryPathFor(dir, outside)).toEqual(refused);
    expect(await entryPathFor(dir, relative(dir, outside))).toEqual(refused);
    expect(await entryPathFor(dir, ".")).toEqual(refused);
    expect(await entryPathFor(dir, "..")).toEqual(refused);
    expect(await entryPathFor(join(dir, "sub"), "..")).toEqual(refused);
  });

  it("calls a path inside the folder with nothing there missing", async () => {
    const dir = await folder();
    expect(await entryPathFor(dir, "sub/none.bin")).toEqual({ ok: false, reason: "missing" });
  });

  it("refuses a symlink inside the folder that points out", async () => {
    const dir = await folder();
    const outside = join(await tempDir(), "x.bin");
    await writeFile(outside, "x");
    await symlink(outside, join(dir, "link.bin"));
    await symlink(dirname(outside), join(dir, "out"));
    const refused = { ok: false, reason: "a symlink out of the folder" };
    expect(await entryPathFor(dir, "link.bin")).toEqual(refused);
    expect(await entryPathFor(dir, "out/x.bin")).toEqual(refused);
  });

  it("follows a symlinked folder itself to judge what is inside", async () => {
    const dir = await folder();
    const alias = join(await tempDir(), "alias");
    await symlink(dir, alias);
    expect(await entryPathFor(alias, "sub/b.bin")).toMatchObject({ ok: true, rel: "sub/b.bin" });
  });
});

describe("staysInside", () => {
  it("is true for a file inside, false for a symlink out, and true for a missing file", async () => {
    const dir = await tempDir();
    const outside = join(await tempDir(), "x.bin");
    await writeFile(outside, "x");
    await writeFile(join(dir, "a.bin"), "a");
    await symlink(outside, join(dir, "link.bin"));
    expect(await staysInside(dir, join(dir, "a.bin"))).toBe(true);
    expect(await staysInside(dir, join(dir, "link.bin"))).toBe(false);
    expect(await staysInside(dir, join(dir, "gone.bin"))).toBe(true);
  });
});
