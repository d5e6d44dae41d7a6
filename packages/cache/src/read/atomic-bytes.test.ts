import { execFileSync } from "node:child_process";
import { readFile, stat, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { isCacheCorruptionError, isConfigError } from "@peak/errors";
import { describe, expect, it } from "vitest";
import { tempFilesIn, useTempDirs } from "../shared/__fixtures__/temp-dir";
import { atomicRead } from "./atomic-read";
import { atomicWrite } from "../write/atomic-write";
import { CacheMissError } from "../shared/cache-miss-error";
import { computeChecksum } from "../sidecar/checksum";

const tempDir = useTempDirs();
const bytes = (text: string) => new TextEncoder().encode(text);

describe("atomicWrite / atomicRead with bytes", () => {
  it("round-trips bytes, strings and Buffers", async () => {
    const dir = await tempDir();
    await atomicWrite(bytes("alpha"), join(dir, "a.bin"));
    await atomicWrite("beta", join(dir, "nested", "deeper", "b.txt"));
    await atomicWrite(Buffer.from([0, 255, 7]), join(dir, "c.bin"));
    expect(
      new TextDecoder().decode(await atomicRead(join(dir, "a.bin"), { format: "bytes" })),
    ).toBe("alpha");
    expect(
      new TextDecoder().decode(
        await atomicRead(join(dir, "nested", "deeper", "b.txt"), { format: "bytes" }),
      ),
    ).toBe("beta");
    expect([...(await atomicRead(join(dir, "c.bin"), { format: "bytes" }))]).toEqual([0, 255, 7]);
    expect(await tempFilesIn(dir)).toEqual([]);
  });

  it("writes a sidecar that sha256sum -c accepts", async () => {
    const dir = await tempDir();
    const result = await atomicWrite("hello\n", join(dir, "h.txt"), { checksum: true });
    const sidecar = await readFile(join(dir, "h.txt.sha256"), "utf8");
    expect(sidecar).toBe(`${await computeChecksum(bytes("hello\n"))}  h.txt\n`);
    expect(result.checksum?.hex).toBe(sidecar.slice(0, 64));
    expect(
      execFileSync("sha256sum", ["-c", "h.txt.sha256"], { cwd: dir, encoding: "utf8" }),
    ).toContain("h.txt: OK");
  });

  it("writes xxh3 and blake3 sidecars under their own extension", async () => {
    const dir = await tempDir();
    const path = join(dir, "x.bin");
    await atomicWrite("x", path, { checksum: "xxh3" });
    expect(await readFile(`${path}.xxh3`, "utf8")).toMatch(/^[0-9a-f]{16} {2}x\.bin\n$/);
    await atomicWrite("y", path, { checksum: "blake3" });
    expect(await readFile(`${path}.blake3`, "utf8")).toMatch(/^[0-9a-f]{64} {2}x\.bin\n$/);
    await expect(stat(`${path}.xxh3`)).rejects.toThrow(/ENOENT/);
    expect(
      new TextDecoder().decode(await atomicRead(path, { verifyChecksum: true, format: "bytes" })),
    ).toBe("y");
  });

  it("accepts the original's bare-hex sidecar", async () => {
    const dir = await tempDir();
    const path = join(dir, "legacy.bin");
    await writeFile(path, "legacy");
    await writeFile(`${path}.sha256`, await computeChecksum(bytes("legacy")));
    expect(
      new TextDecoder().decode(await atomicRead(path, { verifyChecksum: true, format: "bytes" })),
    ).toBe("legacy");
  });

  it("removes a stale sidecar when writing without checksum", async () => {
    const dir = await tempDir();
    const path = join(dir, "s.bin");
    await atomicWrite("one", path, { checksum: true });
    await atomicWrite("two", path);
    await expect(stat(`${path}.sha256`)).rejects.toThrow(/ENOENT/);
  });

  it("replaces a symlink at the target instead of writing through it", async () => {
    const dir = await tempDir();
    const elsewhere = join(await tempDir(), "victim.txt");
    await writeFile(elsewhere, "keep me");
    const { symlink, lstat } = await import("node:fs/promises");
    await symlink(elsewhere, join(dir, "link.txt"));
    await atomicWrite("new", join(dir, "link.txt"));
    expect(await readFile(elsewhere, "utf8")).toBe("keep me");
    expect((await lstat(join(dir, "link.txt"))).isSymbolicLink()).toBe(false);
  });

  it("creates new files with the umask-filtered mode, not 0600", async () => {
    const dir = await tempDir();
    await atomicWrite("m", join(dir, "m.bin"), { mode: 0o644 });
    expect((await stat(join(dir, "m.bin"))).mode & 0o777).toBe(0o644 & ~process.umask());
  });

  it("raises CacheMissError for a missing file and ConfigError for bad options", async () => {
    const dir = await tempDir();
    await expect(atomicRead(join(dir, "none.bin"))).rejects.toSatisfy(CacheMissError.isInstance);
    await expect(atomicWrite("x", join(dir, "y"), { checksum: "md5" as never })).rejects.toSatisfy(
      isConfigError,
    );
    await expect(atomicRead(join(dir, "y"), { verifyChecksum: "crc" as never })).rejects.toSatisfy(
      isConfigError,
    );
    await expect(atomicWrite(42 as never, join(dir, "z"))).rejects.toSatisfy(isConfigError);
  });
});

describe("atomicRead verification", () => {
  const written = async () => {
    const path = join(await tempDir(), "data.bin");
    await atomicWrite("0123456789abcdef", path, { checksum: true });
    return path;
  };
  const corruption = async (path: string) => {
    const error: unknown = await atomicRead(path, { verifyChecksum: true }).catch(
      (e: unknown) => e,
    );
    expect(isCacheCorruptionError(error)).toBe(true);
    return error as { context: Record<string, unknown>; hint?: string };
  };

  it("rejects a file with one flipped byte, naming both digests", async () => {
    const path = await written();
    const data = await readFile(path);
    data[3] = (data[3] ?? 0) ^ 0x01;
    await writeFile(path, data);
    const error = await corruption(path);
    expect(error.context).toMatchObject({
      path,
      expected: await computeChecksum(bytes("0123456789abcdef")),
      actual: await computeChecksum(data),
    });
    expect(error.hint).toMatch(/delete/i);
  });

  it("rejects a truncated file", async () => {
    const path = await written();
    await writeFile(path, "0123");
    expect((await corruption(path)).context.actual).toBe(await computeChecksum(bytes("0123")));
  });

  it("rejects a file whose sidecar was deleted", async () => {
    const path = await written();
    await writeFile(`${path}.sha256`, "");
    await corruption(path);
    const { unlink } = await import("node:fs/promises");
    await unlink(`${path}.sha256`);
    expect((await corruption(path)).context.path).toBe(path);
  });
});
