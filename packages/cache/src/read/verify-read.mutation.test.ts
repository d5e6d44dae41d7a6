import { isCacheCorruptionError } from "@peak/errors";
import { describe, expect, it } from "vitest";
import { failure } from "./__fixtures__/outcome";
import { ALL, counting, digest, sidecar, useDataFiles } from "./__fixtures__/verified";
import { readVerified } from "./verify-read";

const dataFile = useDataFiles();

describe("readVerified", () => {
  it.each(ALL)("accepts bytes that match a %s sidecar and names the digest", async (algorithm) => {
    const path = await dataFile();
    await sidecar(path, algorithm, "payload");
    const result = await readVerified(path, ALL);
    expect(Buffer.from(result.bytes).toString("utf8")).toBe("payload");
    expect(result.checksum).toEqual({ algorithm, hex: await digest("payload", algorithm) });
    expect(result.decoded).toBeUndefined();
  });

  it("accepts the matching one of several sidecars, checked in lookup order", async () => {
    const path = await dataFile();
    await sidecar(path, "sha256", "other");
    await sidecar(path, "xxh3", "payload");
    const result = await readVerified(path, ALL);
    expect(result.checksum).toEqual({ algorithm: "xxh3", hex: await digest("payload", "xxh3") });
  });

  it("accepts either digest of a two-line sidecar (a swap in progress)", async () => {
    const path = await dataFile();
    await sidecar(path, "blake3", "older", "payload");
    expect((await readVerified(path, ["blake3"])).checksum.algorithm).toBe("blake3");
  });

  it("reads only the sidecars of the algorithms asked for", async () => {
    const path = await dataFile();
    await sidecar(path, "xxh3", "payload");
    const error = await failure(readVerified(path, ["sha256", "blake3"]));
    expect(error.message).toBe(`Checksum sidecar missing for ${path}`);
    expect(error.hint).toBe(
      "Rewrite the file with atomicWrite(…, { checksum: true }), or delete it and rebuild",
    );
    expect(error.context).toEqual({ path, sidecars: [`${path}.sha256`, `${path}.blake3`] });
  });

  it("reports the first mismatching algorithm with each expected digest once", async () => {
    const path = await dataFile();
    await sidecar(path, "blake3", "one", "two");
    await sidecar(path, "xxh3", "three");
    const error = await failure(readVerified(path, ALL, undefined, 1));
    expect(isCacheCorruptionError(error)).toBe(true);
    expect(error.message).toBe(`Checksum mismatch for ${path}`);
    expect(error.hint).toBe(
      "The file is damaged: delete it (and its sidecar) and rebuild the cache entry",
    );
    expect(error.context).toEqual({
      path,
      algorithm: "blake3",
      expected: `${await digest("one", "blake3")},${await digest("two", "blake3")}`,
      actual: await digest("payload", "blake3"),
      sidecar: `${path}.blake3`,
    });
  });

  it("names an xxh3-only mismatch as xxh3", async () => {
    const path = await dataFile();
    await sidecar(path, "xxh3", "other");
    const error = await failure(readVerified(path, ALL));
    expect(error.context).toMatchObject({ algorithm: "xxh3", sidecar: `${path}.xxh3` });
  });

  it("returns what decode made of the bytes once they matched", async () => {
    const path = await dataFile();
    await sidecar(path, "sha256", "payload");
    const { calls, decode } = counting();
    expect((await readVerified(path, ["sha256"], decode)).decoded).toBe("payload");
    expect(calls.count).toBe(1);
  });

  it("lets a decode failure speak only when the digest matched", async () => {
    const path = await dataFile();
    await sidecar(path, "sha256", "payload");
    const broken = () => Promise.reject(new TypeError("not a table"));
    await expect(readVerified(path, ["sha256"], broken)).rejects.toThrow(TypeError);
    await sidecar(path, "sha256", "other");
    const error = await failure(readVerified(path, ["sha256"], broken));
    expect(error.message).toBe(`Checksum mismatch for ${path}`);
  });
});
