// encodeParquet / decodeParquet around parquet-wasm: the codec asked for, key/value metadata,
// columns kept out of dictionaries, and the structure check before any bytes reach arrow-rs.
import { describe, expect, it } from "vitest";
import { tableFromArrays, tableFromIPC, tableToIPC } from "@uwdata/flechette";
import { StructureError } from "./flatbuffer-view";
import { decodeParquet, encodeParquet } from "./parquet-codec";
import { chunks, keyValues } from "./__fixtures__/parquet-footer";

const ipc = tableToIPC(tableFromArrays({ price: [1.5, 1.5], name: ["a", "a"] }), {
  format: "stream",
})!;

describe("encodeParquet", () => {
  it("uses the codec asked for and dictionaries for every column by default", async () => {
    for (const [compression, codec] of [
      ["uncompressed", 0],
      ["snappy", 1],
      ["zstd", 6],
    ] as const) {
      expect(chunks(await encodeParquet(ipc, compression))).toEqual({
        price: { codec, dictionary: true },
        name: { codec, dictionary: true },
      });
    }
  });

  it("leaves the plain columns out of dictionaries", async () => {
    expect(chunks(await encodeParquet(ipc, "snappy", undefined, ["price"]))).toEqual({
      price: { codec: 1, dictionary: false },
      name: { codec: 1, dictionary: true },
    });
  });

  it("writes the key/value metadata given, besides the Arrow schema", async () => {
    expect([...keyValues(await encodeParquet(ipc, "snappy")).keys()]).toEqual(["ARROW:schema"]);
    const kv = keyValues(await encodeParquet(ipc, "snappy", new Map([["k", "v"]])));
    expect(kv.get("k")).toBe("v");
  });
});

describe("decodeParquet", () => {
  it("returns Arrow IPC of the table and the footer's key/value metadata", async () => {
    const bytes = await encodeParquet(ipc, "snappy", new Map([["k", "v"]]));
    const { ipc: back, keyValues: kv } = await decodeParquet(bytes);
    expect(tableFromIPC(back).toArray()).toEqual([
      { price: 1.5, name: "a" },
      { price: 1.5, name: "a" },
    ]);
    expect(kv.get("k")).toBe("v");
  });

  it("takes the key/value metadata from the facts a check already returned", async () => {
    const bytes = await encodeParquet(ipc, "snappy");
    const facts = { keyValues: new Map([["from", "facts"]]), footer: new Map() };
    expect((await decodeParquet(bytes, facts)).keyValues).toBe(facts.keyValues);
  });

  it("checks the structure first, so damage fails before arrow-rs sees it", async () => {
    const bytes = await encodeParquet(ipc, "snappy");
    await expect(decodeParquet(bytes.subarray(0, -1))).rejects.toThrow(StructureError);
    await expect(decodeParquet(bytes.subarray(0, -1))).rejects.toThrow(
      "not a Parquet file (magic)",
    );
  });
});
