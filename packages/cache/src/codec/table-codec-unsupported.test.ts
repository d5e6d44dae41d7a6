// A sound file that uses a feature the readers do not support is reported as such: the usual
// corruption hint ("delete it and rebuild") would be wrong advice for someone else's file.
import { describe, expect, it } from "vitest";
import { CacheCorruptionError } from "@peak/errors";
import { batchStream, recordBatch } from "./__fixtures__/arrow-bytes";
import { table } from "./__fixtures__/flat-bytes";
import type { StructureError } from "./flatbuffer-view";
import { checkArrowStructure } from "./arrow-structure";
import { decodeTable } from "./table-codec";

const compressed = batchStream([], recordBatch(0, [], [], table()));

describe("decodeTable on files using unsupported features", () => {
  it("marks the structure error of a compressed record batch as unsupported, others not", () => {
    const caught = (bytes: Uint8Array) => {
      try {
        checkArrowStructure(bytes);
      } catch (error) {
        return error as StructureError;
      }
      throw new Error("no error");
    };
    expect(caught(compressed)).toMatchObject({
      unsupported: true,
      message: "compressed record batches are not supported",
    });
    expect(caught(compressed.subarray(0, 12)).unsupported).toBe(false);
  });

  it("says the file is not damaged and how to write one it can read", async () => {
    const error: unknown = await decodeTable(
      compressed,
      "/data/bars.arrow",
      "arrow",
      "number",
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CacheCorruptionError);
    const { message, hint, context } = error as CacheCorruptionError;
    expect(message).toBe("Cannot read arrow file /data/bars.arrow");
    expect(hint).toBe(
      'The file is not damaged but uses a feature this reader does not support (compressed record batches are not supported); write it uncompressed (pyarrow: feather.write_feather(df, path, compression="uncompressed")) or as Parquet',
    );
    expect(context).toEqual({
      path: "/data/bars.arrow",
      format: "arrow",
      reason: "StructureError: compressed record batches are not supported",
      unsupported: true,
    });
    const damaged: unknown = await decodeTable(
      compressed.subarray(0, 12),
      "/data/x.arrow",
      "arrow",
      "number",
    ).catch((e: unknown) => e);
    expect((damaged as CacheCorruptionError).hint).toBe(
      "The file is damaged or not arrow; delete it and rebuild the cache entry",
    );
  });
});
