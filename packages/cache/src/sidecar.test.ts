import { isCacheCorruptionError } from "@peak/errors";
import { describe, expect, it } from "vitest";
import { formatSidecar, parseSidecar, sidecarPath } from "./sidecar";

const HEX = "ab".repeat(32);

describe("sidecar format", () => {
  it("names sidecars after the algorithm", () => {
    expect(
      ["sha256", "xxh3", "blake3"].map((a) => sidecarPath("/c/x.parquet", a as never)),
    ).toEqual(["/c/x.parquet.sha256", "/c/x.parquet.xxh3", "/c/x.parquet.blake3"]);
  });

  it("formats sha256sum lines and escapes odd names like sha256sum does", () => {
    expect(formatSidecar([HEX], "/c/bars.parquet")).toBe(`${HEX}  bars.parquet\n`);
    expect(formatSidecar([HEX], "/c/a\\b\nc")).toBe(`\\${HEX}  a\\\\b\\nc\n`);
  });

  it("parses text, binary-flag, BSD-tag, upper-case and bare-hex lines", () => {
    const text = [`${HEX}  a`, `${HEX.toUpperCase()} *a`, `SHA256 (a) = ${HEX}`, HEX].join("\r\n");
    expect(parseSidecar(text, "sha256", "a.sha256")).toEqual([HEX, HEX, HEX, HEX]);
  });

  it("rejects empty sidecars and digests of the wrong length", () => {
    for (const text of ["", "\n", "abc  a\n", `${HEX}0  a`]) {
      expect(() => parseSidecar(text, "sha256", "a.sha256")).toThrow(
        expect.toSatisfy(isCacheCorruptionError),
      );
    }
  });
});
