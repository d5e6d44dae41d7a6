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

describe("sidecar format (property)", () => {
  it("parses back every digest it formats, for any file name", async () => {
    const fc = await import("fast-check");
    const hex = fc.stringMatching(/^[0-9a-f]{64}$/);
    fc.assert(
      fc.property(
        fc.array(hex, { minLength: 1, maxLength: 3 }),
        fc.string({ minLength: 1 }),
        (digests, name) => {
          const text = formatSidecar(digests, `/dir/${name.replace(/\//g, "_")}`);
          expect(parseSidecar(text, "sha256", "x.sha256")).toEqual(digests);
        },
      ),
    );
  });
});
