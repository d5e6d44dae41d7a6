// Float16 columns: their FloatingPoint precision is HALF, the FlatBuffers default, so writers
// leave the field out; the structure check must read that as 2-byte values.
import { float16, float32, float64, tableFromArrays, tableToIPC } from "@uwdata/flechette";
import { describe, expect, it } from "vitest";
import { checkArrowStructure } from "./arrow-structure";
import { tableFromBytes } from "./table-bytes";

const halves = Array.from({ length: 100 }, (_, i) => i / 4);

describe("Arrow float columns of each precision", () => {
  it("accepts a flechette Float16 file and stream, and reads the values back", async () => {
    for (const format of ["stream", "file"] as const) {
      const bytes = tableToIPC(tableFromArrays({ h: halves }, { types: { h: float16() } }), {
        format,
      })!;
      expect(() => checkArrowStructure(bytes)).not.toThrow();
    }
    const file = tableToIPC(tableFromArrays({ h: halves }, { types: { h: float16() } }), {
      format: "file",
    })!;
    expect(
      Array.from((await tableFromBytes(file, "arrow")).array("h") as ArrayLike<number>),
    ).toEqual(halves);
  });

  it("still sizes Float32 and Float64 values by their precision", () => {
    for (const type of [float32(), float64()]) {
      const bytes = tableToIPC(tableFromArrays({ x: halves }, { types: { x: type } }), {
        format: "stream",
      })!;
      expect(() => checkArrowStructure(bytes)).not.toThrow();
      expect(() => checkArrowStructure(bytes.subarray(0, bytes.length - 9))).toThrow();
    }
  });
});
