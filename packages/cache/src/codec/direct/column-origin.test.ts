import { describe, expect, it } from "vitest";
import { originOf, rememberOrigin } from "./column-origin";

describe("column origins", () => {
  it("gives the kind an array was read as, and nothing for anything else", () => {
    const stamps = Float64Array.of(1);
    rememberOrigin(stamps, "timestamp-ms-utc");
    expect(originOf(stamps)).toBe("timestamp-ms-utc");
    expect(originOf(Float64Array.of(1))).toBeUndefined();
    for (const other of [null, undefined, 1, "x", [1]]) expect(originOf(other)).toBeUndefined();
  });
});
