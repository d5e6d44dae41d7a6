import { describe, expect, it } from "vitest";
import { pattern, sha256 } from "../shared/__fixtures__/bytes";
import { computeChecksum } from "../sidecar/checksum";
import { bytesHasher } from "./bytes-hasher";

const MiB = 1024 * 1024;

// node:crypto refuses a second digest() of one hash, so only a hasher that hands the bytes to
// the worker (a new job each time) can be used twice: that tells where the hashing ran.
const usableTwice = async (hash: (b: Uint8Array) => Promise<string>, bytes: Uint8Array) => {
  const first = await hash(bytes);
  return hash(bytes).then(
    (second) => (expect(second).toBe(first), true),
    () => false,
  );
};

describe("where bytesHasher runs SHA-256", () => {
  it("hands a buffer of 1 MiB to the worker by default", async () => {
    const bytes = pattern(MiB, 1);
    expect(await usableTwice(await bytesHasher("sha256"), bytes)).toBe(true);
    expect(await (await bytesHasher("sha256"))(bytes)).toBe(sha256(bytes));
  });

  it("hashes a buffer just under 1 MiB on the main thread", async () => {
    expect(await usableTwice(await bytesHasher("sha256", "worker"), pattern(MiB - 1))).toBe(false);
  });

  it("hashes a large buffer on the main thread when told to slice", async () => {
    const bytes = pattern(2 * MiB + 3, 2);
    expect(await usableTwice(await bytesHasher("sha256", "slices"), bytes)).toBe(false);
    expect(await (await bytesHasher("sha256", "slices"))(bytes)).toBe(sha256(bytes));
  });

  it.each(["xxh3", "blake3"] as const)(
    "hashes %s of a large buffer on the main thread",
    async (algorithm) => {
      const bytes = pattern(2 * MiB + 5, 3);
      expect(await (await bytesHasher(algorithm))(bytes)).toBe(
        await computeChecksum(bytes, algorithm),
      );
    },
  );
});

describe("bytesHasher's slices", () => {
  it("yields no turn for a buffer of one slice", async () => {
    let turned = false;
    setImmediate(() => (turned = true));
    await (
      await bytesHasher("sha256", "slices")
    )(pattern(MiB));
    expect(turned).toBe(false);
  });

  it("yields a turn between two slices", async () => {
    let turned = false;
    setImmediate(() => (turned = true));
    await (
      await bytesHasher("sha256", "slices")
    )(pattern(MiB + 1));
    expect(turned).toBe(true);
  });
});
