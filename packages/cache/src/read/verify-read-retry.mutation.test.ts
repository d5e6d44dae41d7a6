import { unlink } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { CacheMissError } from "../shared/cache-miss-error";
import { failure } from "./__fixtures__/outcome";
import {
  ALL,
  counting,
  digest,
  replacedOnFirstRead,
  sidecar,
  useDataFiles,
} from "./__fixtures__/verified";
import { readVerified } from "./verify-read";

const dataFile = useDataFiles();

describe("readVerified while a writer runs", () => {
  it("retries while the data file is replaced, and returns the new version", async () => {
    const path = await dataFile("old");
    await sidecar(path, "sha256", "new");
    const { calls, decode } = await replacedOnFirstRead(path, "new");
    const result = await readVerified(path, ["sha256"], decode);
    expect(result.decoded).toBe("new");
    expect(calls.count).toBe(2);
  });

  it("gives up with a mismatch when out of attempts", async () => {
    const path = await dataFile("old");
    await sidecar(path, "sha256", "new");
    const { calls, decode } = await replacedOnFirstRead(path, "new");
    const error = await failure(readVerified(path, ["sha256"], decode, 1));
    expect(error.context).toMatchObject({ actual: await digest("old", "sha256") });
    expect(calls.count).toBe(1);
  });

  it("retries while a sidecar changes, up to five reads by default", async () => {
    const path = await dataFile();
    await sidecar(path, "sha256", "wrong-0");
    const { calls, decode } = counting((call) => sidecar(path, "sha256", `wrong-${call}`));
    const error = await failure(readVerified(path, ["sha256"], decode));
    expect(error.message).toBe(`Checksum mismatch for ${path}`);
    expect(calls.count).toBe(5);
  });

  it("retries when a sidecar appears for another algorithm during the read", async () => {
    const path = await dataFile();
    await sidecar(path, "sha256", "wrong");
    const { calls, decode } = counting(async (call) => {
      if (call === 1) await sidecar(path, "xxh3", "wrong");
    });
    await failure(readVerified(path, ALL, decode));
    expect(calls.count).toBe(2);
  });

  it("accepts a sidecar that appears during the read, on the last attempt", async () => {
    const path = await dataFile();
    const { decode } = counting(async () => sidecar(path, "sha256", "payload"));
    const result = await readVerified(path, ["sha256"], decode, 1);
    expect(result.checksum).toEqual({
      algorithm: "sha256",
      hex: await digest("payload", "sha256"),
    });
  });

  it("accepts a sidecar that disappears during the read", async () => {
    const path = await dataFile();
    await sidecar(path, "xxh3", "payload");
    const { decode } = counting(() => unlink(`${path}.xxh3`));
    expect((await readVerified(path, ["xxh3"], decode, 1)).decoded).toBe("payload");
  });

  it("reads again when the data file vanished, then reports the miss", async () => {
    const path = await dataFile();
    await sidecar(path, "sha256", "other");
    const { calls, decode } = counting(async (call) => {
      if (call === 1) await unlink(path);
    });
    await expect(readVerified(path, ["sha256"], decode)).rejects.toSatisfy(
      CacheMissError.isInstance,
    );
    expect(calls.count).toBe(1);
  });
  it("reads again while the file is replaced before reporting a missing sidecar", async () => {
    const path = await dataFile("old");
    const { calls, decode } = await replacedOnFirstRead(path, "new");
    const error = await failure(readVerified(path, ["sha256"], decode));
    expect(error.message).toBe(`Checksum sidecar missing for ${path}`);
    expect(calls.count).toBe(2);
  });

  it("retries when one of two sidecars changes during the read", async () => {
    const path = await dataFile();
    await sidecar(path, "sha256", "wrong");
    await sidecar(path, "xxh3", "wrong");
    const { calls, decode } = counting(async (call) => {
      if (call === 1) await sidecar(path, "xxh3", "still wrong");
    });
    await failure(readVerified(path, ALL, decode));
    expect(calls.count).toBe(2);
  });
});
