import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { corruption, openDescriptors } from "./__fixtures__/outcome";
import { useTempDirs } from "../shared/__fixtures__/temp-dir";
import { useSpecialFiles } from "./__fixtures__/special-files";
import { readCapped, SMALL_FILE_MAX_BYTES } from "./read-capped";

const tempDir = useTempDirs();
const special = useSpecialFiles();

const fileWith = async (content: string | Buffer, name = "d.bin.sha256") => {
  const path = join(await tempDir(), name);
  await writeFile(path, content);
  return path;
};

// procfs files report size 0 in fstat yet have content: a file that "grows" after fstat.
const PROC_FILE = "/proc/self/status";

describe("readCapped", () => {
  it("returns the whole file as UTF-8", async () => {
    const path = await fileWith("é€ digest\n");
    expect(await readCapped(path, "Sidecar")).toBe("é€ digest\n");
  });

  it("returns an empty string for an empty file", async () => {
    expect(await readCapped(await fileWith(""), "Sidecar")).toBe("");
  });

  it("returns undefined for a missing file or a missing parent", async () => {
    const dir = await tempDir();
    await writeFile(join(dir, "file"), "x");
    expect(await readCapped(join(dir, "none"), "Sidecar")).toBeUndefined();
    expect(await readCapped(join(dir, "file", "none"), "Sidecar")).toBeUndefined();
  });

  it("passes on the refusal of a special file", async () => {
    const path = await special("fifo", join(await tempDir(), "lock"));
    const error = await corruption(readCapped(path, "Lock file"));
    expect(error.message).toBe(`Lock file ${path} is a FIFO (named pipe), not a regular file`);
  });

  it("reads a file of exactly maxBytes", async () => {
    expect(await readCapped(await fileWith("12345678"), "Sidecar", 8)).toBe("12345678");
  });

  it("refuses a file one byte over maxBytes without quoting it", async () => {
    const path = await fileWith("123456789");
    const error = await corruption(readCapped(path, "Sidecar", 8));
    expect(error.message).toBe(`Sidecar ${path} is larger than 8 bytes`);
    expect(error.hint).toBe(
      "A sidecar this large is not one @peak/cache wrote; delete it and rebuild",
    );
    expect(error.context).toEqual({ path, maxBytes: 8 });
  });

  it("caps at 64 KiB by default", async () => {
    expect(SMALL_FILE_MAX_BYTES).toBe(65_536);
    const fits = "a".repeat(SMALL_FILE_MAX_BYTES);
    expect(await readCapped(await fileWith(fits), "Sidecar")).toBe(fits);
    const error = await corruption(readCapped(await fileWith(`${fits}a`), "Sidecar"));
    expect(error.context).toMatchObject({ maxBytes: SMALL_FILE_MAX_BYTES });
  });

  it("reads one byte past fstat's size and refuses a file that grew", async () => {
    const error = await corruption(readCapped(PROC_FILE, "Sidecar", 10));
    expect(error.message).toBe(`Sidecar ${PROC_FILE} changed while being read`);
    expect(error.hint).toBe(
      "Something writes the file in place; only write cache files with atomicWrite",
    );
    expect(error.context).toEqual({ path: PROC_FILE, size: 0, read: 1 });
  });

  it("refuses as too large a file that grew past maxBytes after fstat", async () => {
    const error = await corruption(readCapped(PROC_FILE, "Sidecar", 0));
    expect(error.message).toBe(`Sidecar ${PROC_FILE} is larger than 0 bytes`);
  });

  it("closes the descriptor after a read and after a refusal", async () => {
    const small = await fileWith("ok");
    const large = await fileWith("too large");
    const before = await openDescriptors();
    await readCapped(small, "Sidecar");
    await corruption(readCapped(large, "Sidecar", 2));
    await corruption(readCapped(PROC_FILE, "Sidecar", 10));
    expect(await openDescriptors()).toBe(before);
  });
});
