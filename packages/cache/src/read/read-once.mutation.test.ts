import { appendFileSync, truncateSync } from "node:fs";
import { stat, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { corruption, openDescriptors } from "./__fixtures__/outcome";
import { useTempDirs } from "../shared/__fixtures__/temp-dir";
import { CacheMissError } from "../shared/cache-miss-error";
import { readOnce } from "./read-once";

const tempDir = useTempDirs();

const fileWith = async (content: string | Buffer) => {
  const path = join(await tempDir(), "data.bin");
  await writeFile(path, content);
  return path;
};

const text = (bytes: Uint8Array) => Buffer.from(bytes).toString("utf8");

describe("readOnce", () => {
  it("returns the bytes and the inode, without a chunk callback", async () => {
    const path = await fileWith("0123456789");
    const { bytes, ino } = await readOnce(path);
    expect(text(bytes)).toBe("0123456789");
    expect(ino).toBe((await stat(path)).ino);
  });

  it("passes every chunk in order, the last one short", async () => {
    const path = await fileWith("0123456789");
    const chunks: string[] = [];
    const { bytes } = await readOnce(path, (chunk) => chunks.push(text(chunk)), 4);
    expect(chunks).toEqual(["0123", "4567", "89"]);
    expect(text(bytes)).toBe("0123456789");
  });

  it("ends after the chunk that reaches the size exactly", async () => {
    const path = await fileWith("01234567");
    const chunks: string[] = [];
    await readOnce(path, (chunk) => chunks.push(text(chunk)), 4);
    expect(chunks).toEqual(["0123", "4567"]);
  });

  it("reads in 8 MiB chunks by default", async () => {
    const size = 8 * 1024 * 1024 + 3;
    const path = await fileWith(Buffer.alloc(size, 1));
    const lengths: number[] = [];
    const { bytes } = await readOnce(path, (chunk) => lengths.push(chunk.length));
    expect(lengths).toEqual([8 * 1024 * 1024, 3]);
    expect(bytes.length).toBe(size);
  });

  it("reads an empty file as no bytes", async () => {
    expect((await readOnce(await fileWith(""))).bytes.length).toBe(0);
  });

  it("refuses a file that shrinks mid-read, naming its fstat size", async () => {
    const path = await fileWith(Buffer.alloc(64, 7));
    const error = await corruption(readOnce(path, () => truncateSync(path, 10), 16));
    expect(error.message).toBe(`${path} shrank while being read`);
    expect(error.hint).toBe(
      "Something modifies the file in place; only write cache files with atomicWrite",
    );
    expect(error.context).toEqual({ path, size: 64 });
  });

  it("refuses a file that grows after its last chunk and closes the descriptor", async () => {
    const path = await fileWith("01234567");
    const before = await openDescriptors();
    const error = await corruption(readOnce(path, () => appendFileSync(path, "+"), 4));
    expect(await openDescriptors()).toBe(before);
    expect(error.message).toBe(`${path} grew while being read`);
    expect(error.context).toEqual({ path, size: 8 });
  });

  it("refuses a procfs file, whose content outgrows its zero fstat size", async () => {
    const error = await corruption(readOnce("/proc/self/status"));
    expect(error.context).toEqual({ path: "/proc/self/status", size: 0 });
  });

  it("raises CacheMissError for a missing file", async () => {
    const path = join(await tempDir(), "none.bin");
    await expect(readOnce(path)).rejects.toSatisfy(CacheMissError.isInstance);
  });

  it("escapes control characters in the message", async () => {
    const path = join(await tempDir(), "a\rb");
    await writeFile(path, "01234567");
    const error = await corruption(readOnce(path, () => appendFileSync(path, "+"), 4));
    expect(error.message).toBe(`${path.replace("\r", "\\r")} grew while being read`);
  });
});
