import { describe, expect, it, vi } from "vitest";
import { resolveCsvOptions } from "../csv-options";
import { byteRun } from "./__fixtures__/byte-run";
import { ByteCsvReader } from "./byte-reader";

const utf8 = (text: string) => new TextEncoder().encode(text);
const BOM = [0xef, 0xbb, 0xbf];

describe("ByteCsvReader, the byte-order mark", () => {
  it("drops exactly EF BB BF, not a first character sharing some of its bytes", () => {
    // U+2EFF is E2 BB BF, U+FF3F is EF BC BF, U+FEC0 is EF BB 80, "a¿" is 61 C2 BF.
    for (const first of ["\u2EFF", "\uFF3F", "\uFEC0", "a¿"]) {
      const got = byteRun([utf8(`${first},timestamp\n`)]);
      expect(got.names, first).toEqual([first, "timestamp"]);
      expect(got.viaText, first).toEqual([`${first},timestamp`]);
    }
  });

  it("drops it by default, as at the start of a file", () => {
    const reader = new ByteCsvReader(resolveCsvOptions());
    const textLine = vi.spyOn(reader.text, "textLine");
    reader.push(Uint8Array.from([...BOM, ...utf8("timestamp,open\n2024-01-01T00:00Z,1\n")]));
    reader.flush();
    expect(textLine.mock.calls).toEqual([["timestamp,open"]]);
    expect(reader.text.names).toEqual(["timestamp", "open"]);
    expect(reader.text.columns.map((c) => c.finish())).toEqual([
      Float64Array.of(Date.UTC(2024, 0, 1)),
      Float64Array.of(1),
    ]);
  });

  it("counts a mark after the first line in the length of an unfinished line", () => {
    const reader = new ByteCsvReader(resolveCsvOptions({ maxLineBytes: 30 }));
    reader.push(utf8("timestamp,open\n"));
    const tail = Uint8Array.from([...BOM, ...utf8(`2024-01-01T00:00Z,${"1".repeat(13)}`)]);
    expect(() => reader.push(tail)).toThrow("CSV line 2 is longer than maxLineBytes (30)");
  });
});
